package dev.coview.room.api;

import dev.coview.contracts.rooms.ClientConfig;
import dev.coview.room.config.AgentAuthConfig;
import dev.coview.room.config.RoomConfig;
import dev.coview.room.config.UrlsConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where the web client finds the WebSocket services (they run on other ports or hosts than this one), the
 * identity provider the agent console signs in with, and the rooms' share policy (the pages refuse a second share
 * under {@code one-at-a-time}).
 */
@Path("/api/config")
@Tag(name = "web client")
public class ClientConfigResource {

    private final ClientConfig config;

    public ClientConfigResource(UrlsConfig urls, AgentAuthConfig auth, RoomConfig rooms) {
        AgentAuthConfig.Oidc oidc = auth.oidc();
        this.config = new ClientConfig(urls.signaling(), urls.annotation(), oidc.issuer().filter(i -> !i.isBlank())
                .map(issuer -> new ClientConfig.SignIn(issuer, oidc.clientId(), oidc.scopes())).orElse(null),
                rooms.sharePolicy().value());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signaling and annotation WebSocket URLs, the agents' identity provider and the rooms' share policy")
    public ClientConfig config() {
        return config;
    }
}
