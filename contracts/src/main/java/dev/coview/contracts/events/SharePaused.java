package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.share.paused}: the customer paused their share (black frames are sent; the room's
 * {@code pause} flag is on). Published by annotation-service when the room's pause flag turns on. Schema:
 * {@code schemas/events/share.paused.json}.
 *
 * @param roomId        the room
 * @param participantId the sharer
 * @param pausedAt      when the service accepted it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SharePaused(String roomId, String participantId, Instant pausedAt) {
}
