package dev.coview.room.rooms;

import java.time.Instant;

/**
 * One participant as stored (JSON) in the Redis hash {@code room:{roomId}:participants}.
 *
 * @param id       participant id (the token's {@code sub})
 * @param role     {@code agent}, {@code customer} or {@code observer}
 * @param name     display name, empty when none was given
 * @param joinedAt when the token was issued
 */
public record ParticipantRecord(String id, String role, String name, Instant joinedAt) {
}
