package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.room.expired}: the room saw no activity for its idle TTL, or reached the end of its
 * lifetime (in use or not), and was ended by room-service; its tokens are refused from now on. Schema:
 * {@code schemas/events/room.expired.json}.
 *
 * @param roomId    the room
 * @param expiresAt the idle deadline that passed
 * @param expiredAt when room-service noticed and ended the room (at most one sweep interval after)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoomExpired(String roomId, Instant expiresAt, Instant expiredAt) {
}
