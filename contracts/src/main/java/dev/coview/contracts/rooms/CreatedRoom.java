package dev.coview.contracts.rooms;

import java.time.Instant;

/**
 * Answer to {@code POST /api/rooms}: the new room and the agent's token.
 *
 * @param roomId        base64url, 128 random bits
 * @param participantId the agent's participant id (the token's {@code sub})
 * @param joinCode      6 digits the customer types on {@code /join/}; single-use, expires (20 min by default)
 * @param inviteUrl     link the agent sends instead of the code; same lifetime and single use as the code
 * @param expiresAt     when the room expires unless there is activity before
 * @param token         the agent's JWT (role {@code agent})
 * @param tokenExpiresAt when the token stops being accepted
 */
public record CreatedRoom(String roomId, String participantId, String joinCode, String inviteUrl, Instant expiresAt,
                          String token, Instant tokenExpiresAt) {
}
