package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param shareId       {@code agent} for the agent's share (two-way sharing); {@code null}, absent from the JSON, for
 *                      the customer's, whose events keep the previous release's shape
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShareStarted(String roomId, String participantId, Instant startedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String shareId) {
}
