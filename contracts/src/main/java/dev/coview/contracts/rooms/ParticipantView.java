package dev.coview.contracts.rooms;

import java.time.Instant;

/**
 * One participant of a room, as {@code GET /api/rooms/{id}} lists it.
 *
 * @param participantId the token's {@code sub}
 * @param role          {@code agent}, {@code customer} or {@code observer}
 * @param name          display name, empty when none was given
 * @param joinedAt      when room-service issued the participant's token
 */
public record ParticipantView(String participantId, String role, String name, Instant joinedAt) {
}
