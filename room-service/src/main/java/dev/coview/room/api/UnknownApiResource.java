package dev.coview.room.api;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Any other path under {@code /api}: a problem+json 404 (through the mappers) instead of the HTTP layer's plain-text
 * one, so that clients of the API always get RFC 9457. Real resources have longer literal paths and win.
 */
@Path("/api/{unknown: .*}")
public class UnknownApiResource {

    @GET
    @Operation(hidden = true)
    public void get() {
        throw notFound();
    }

    @POST
    @Operation(hidden = true)
    public void post() {
        throw notFound();
    }

    @PUT
    @Operation(hidden = true)
    public void put() {
        throw notFound();
    }

    @PATCH
    @Operation(hidden = true)
    public void patch() {
        throw notFound();
    }

    @DELETE
    @Operation(hidden = true)
    public void delete() {
        throw notFound();
    }

    private static NotFoundException notFound() {
        return new NotFoundException("no such API resource");
    }
}
