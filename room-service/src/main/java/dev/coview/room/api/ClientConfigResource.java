package dev.coview.room.api;

import dev.coview.contracts.rooms.ClientConfig;
import dev.coview.room.config.AgentAuthConfig;
import dev.coview.room.config.UrlsConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where the web client finds the WebSocket services (they run on other ports or hosts than this one), and the
 * identity provider the agent console signs in with.
 */
@Path("/api/config")
@Tag(name = "web client")
public class ClientConfigResource {

    private final ClientConfig config;

    public ClientConfigResource(UrlsConfig urls, AgentAuthConfig auth) {
        AgentAuthConfig.Oidc oidc = auth.oidc();
        this.config = new ClientConfig(urls.signaling(), urls.annotation(), oidc.issuer().filter(i -> !i.isBlank())
                .map(issuer -> new ClientConfig.SignIn(issuer, oidc.clientId(), oidc.scopes())).orElse(null));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signaling and annotation WebSocket URLs, and the agents' identity provider")
    public ClientConfig config() {
        return config;
    }
}
