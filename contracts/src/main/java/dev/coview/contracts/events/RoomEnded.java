package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.room.ended}: an agent ended the room; from now on every service refuses its tokens.
 * Schema: {@code schemas/events/room.ended.json}.
 *
 * @param roomId  the room
 * @param endedBy participant id of the agent who ended it
 * @param endedAt when it ended
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoomEnded(String roomId, String endedBy, Instant endedAt) {
}
