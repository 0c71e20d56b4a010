package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.share.stopped}: a running screen share ended (signaling-service). Schema:
 * {@code schemas/events/share.stopped.json}.
 *
 * @param roomId        the room
 * @param participantId the sharer
 * @param reason        {@link #STOPPED} (the client reported it), {@link #LEFT} (the sharer left or was lost) or
 *                      {@link #ROOM_ENDED}
 * @param stoppedAt     when the service learned of it
 * @param shareId       whose share: {@code customer} or {@code agent} (absent in events of older versions: the
 *                      customer's)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShareStopped(String roomId, String participantId, String reason, Instant stoppedAt, String shareId) {
    public static final String STOPPED = "stopped";
    public static final String LEFT = "left";
    public static final String ROOM_ENDED = "room-ended";
}
