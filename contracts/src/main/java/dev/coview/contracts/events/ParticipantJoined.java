package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.participant.joined}: room-service issued a token to a new participant of a room
 * (the agent who created it, the customer who used the code or invite, or an observer).
 * Schema: {@code schemas/events/participant.joined.json}.
 *
 * @param roomId        the room
 * @param participantId the new participant's id (the token's {@code sub})
 * @param role          {@code agent}, {@code customer} or {@code observer}
 * @param name          display name, empty when none was given
 * @param via           how the participant got in: {@code create}, {@code code}, {@code invite} or {@code observer}
 * @param joinedAt      when the token was issued
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantJoined(String roomId, String participantId, String role, String name, String via,
                                Instant joinedAt) {
}
