package dev.coview.room.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets a client POST without a body (creating a room, asking for an observer token: the body is optional) instead
 * of being told 415: an empty body is no representation, so whatever type it claims (none from {@code fetch}, a
 * form type from some HTTP tools) it is read as absent JSON. A non-empty body of another type is still refused with
 * 415.
 */
public class EmptyBodyAsJson {

    @ServerRequestFilter(preMatching = true)
    public void typeEmptyBodies(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean empty = (length == null && request.getHeaderString("Transfer-Encoding") == null) || "0".equals(length);
        if (empty && request.getUriInfo().getPath().startsWith("/api/")) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
