package dev.coview.room.api;

import dev.coview.contracts.rooms.ClientConfig;
import dev.coview.room.config.UrlsConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where the web client finds the WebSocket services (they run on other ports or hosts than this one). */
@Path("/api/config")
@Tag(name = "web client")
public class ClientConfigResource {

    private final ClientConfig config;

    public ClientConfigResource(UrlsConfig urls) {
        this.config = new ClientConfig(urls.signaling(), urls.annotation());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signaling and annotation WebSocket URLs")
    public ClientConfig config() {
        return config;
    }
}
