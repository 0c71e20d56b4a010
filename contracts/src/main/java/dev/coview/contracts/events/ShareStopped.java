package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param shareId       {@code agent} for the agent's share (two-way sharing); {@code null}, absent from the JSON, for
 *                      the customer's, whose events keep the previous release's shape
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShareStopped(String roomId, String participantId, String reason, Instant stoppedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String shareId) {
    public static final String STOPPED = "stopped";
    public static final String LEFT = "left";
    public static final String ROOM_ENDED = "room-ended";
}
