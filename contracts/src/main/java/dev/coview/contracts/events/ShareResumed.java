package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.share.resumed}: the customer resumed a paused share. Published by
 * annotation-service when the room's pause flag turns off. Schema: {@code schemas/events/share.resumed.json}.
 *
 * @param roomId        the room
 * @param participantId the sharer
 * @param resumedAt     when the service accepted it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShareResumed(String roomId, String participantId, Instant resumedAt) {
}
