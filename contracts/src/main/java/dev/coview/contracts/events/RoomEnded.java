package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.room.ended}: the room is over, whatever the cause; from now on every service refuses
 * its tokens. Schema: {@code schemas/events/room.ended.json}.
 *
 * @param roomId  the room
 * @param endedBy participant id of the agent who ended it; on {@link #EXPIRED} nobody did and it is the room's agent
 *                (kept, because the previous release's schema requires it)
 * @param reason  {@link #AGENT} (the room's agent ended it) or {@link #EXPIRED} (idle expiry or the end of its
 *                lifetime; {@code room.expired} is published too, with the deadline)
 * @param endedAt when it ended
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoomEnded(String roomId, String endedBy, String reason, Instant endedAt) {
    public static final String AGENT = "agent";
    public static final String EXPIRED = "expired";
}
