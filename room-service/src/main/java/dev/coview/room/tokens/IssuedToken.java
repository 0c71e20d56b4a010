package dev.coview.room.tokens;

import java.time.Instant;

/**
 * A signed token and what the caller needs to know about it without parsing it.
 *
 * @param jwt       the compact JWS
 * @param expiresAt its {@code exp}
 */
public record IssuedToken(String jwt, Instant expiresAt) {
}
