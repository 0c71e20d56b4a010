package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.participant.removed}: the room's agent removed a participant (room-service, once per
 * removal). From then on every token of that participant is refused, their sockets are closed (4003) on every
 * instance and they cannot rejoin. Schema: {@code schemas/events/participant.removed.json}.
 *
 * @param roomId        the room
 * @param participantId the participant removed
 * @param role          {@code customer} or {@code observer} (an agent cannot remove itself)
 * @param removedBy     the participant id of the agent who removed them
 * @param removedAt     when room-service recorded the removal
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantRemoved(String roomId, String participantId, String role, String removedBy,
                                 Instant removedAt) {
}
