package dev.coview.contracts.rooms;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Answer to {@code GET /api/rooms/{id}}, for participants of that room only. An ended or expired room answers
 * {@code 410 Gone} instead.
 *
 * @param roomId       the room
 * @param state        {@code waiting} until a customer joins, then {@code active}
 * @param createdAt    when the agent created it
 * @param expiresAt    when it expires unless there is activity before (every call to room-service pushes it on)
 * @param participants everyone room-service issued a token to, in the order they joined
 * @param joinCode     the code, only for a caller with the {@code admin} grant while the room is waiting
 * @param inviteUrl    the invite link, same condition as {@code joinCode}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoomView(String roomId, RoomState state, Instant createdAt, Instant expiresAt,
                       List<ParticipantView> participants, String joinCode, String inviteUrl) {
}
