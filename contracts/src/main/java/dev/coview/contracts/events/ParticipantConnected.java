package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.participant.connected}: a participant's signaling socket opened (signaling-service).
 * Every reconnect publishes one; {@code resumed} tells a reconnect within the grace period from a first connect.
 * Schema: {@code schemas/events/participant.connected.json}.
 *
 * @param roomId        the room
 * @param participantId the participant (the token's {@code sub})
 * @param role          {@code agent}, {@code customer} or {@code observer}
 * @param resumed       whether this socket resumed an earlier session of the same participant
 * @param connectedAt   when the socket opened
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantConnected(String roomId, String participantId, String role, boolean resumed,
                                   Instant connectedAt) {
}
