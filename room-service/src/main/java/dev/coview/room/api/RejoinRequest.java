package dev.coview.room.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/rooms/rejoin}.
 *
 * @param credential the rejoin credential the browser kept from its last join or rejoin
 */
public record RejoinRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{43}", message = "is not a rejoin credential of this service")
        String credential) {
}
