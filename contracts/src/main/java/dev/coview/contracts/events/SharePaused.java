package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.share.paused}: a sharer (the customer; with two-way sharing also the agent) paused their share (black frames are sent; the room's
 * {@code pause} flag is on). Published by annotation-service when the room's pause flag turns on. Schema:
 * {@code schemas/events/share.paused.json}.
 *
 * @param roomId        the room
 * @param participantId the sharer
 * @param pausedAt      when the service accepted it
 * @param shareId       {@code agent} for a pause of the agent's share (two-way sharing); {@code null}, absent from the JSON,
 *                      for the customer's share, whose events keep the previous release's shape
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SharePaused(String roomId, String participantId, Instant pausedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String shareId) {

    /** Of the customer's share. */
    public SharePaused(String roomId, String participantId, Instant pausedAt) {
        this(roomId, participantId, pausedAt, null);
    }
}
