package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.share.started}: a sharer's client (the customer's, or with two-way sharing the
 * agent's) reported that its screen share runs
 * (signaling-service, on the {@code share} message; media itself flows peer to peer). Schema:
 * {@code schemas/events/share.started.json}.
 *
 * @param roomId        the room
 * @param participantId the sharer
 * @param startedAt     when the service learned of it
 * @param shareId       whose share: {@code customer} or {@code agent} (absent in events of older versions: the
 *                      customer's)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShareStarted(String roomId, String participantId, Instant startedAt, String shareId) {
}
