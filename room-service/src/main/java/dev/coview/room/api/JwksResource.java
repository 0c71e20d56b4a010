package dev.coview.room.api;

import dev.coview.room.tokens.SigningKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The public key tokens are verified with, as a JWK Set (RFC 7517), for services that prefer JWKS to a PEM. */
@Path("/.well-known/jwks.json")
@Tag(name = "tokens")
public class JwksResource {

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The JWK Set of room-service's token signing key")
    public RestResponse<String> jwks() {
        return RestResponse.ResponseBuilder.ok(keys.jwksJson(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
