package dev.coview.contracts.rooms;

import java.time.Instant;

/**
 * Answer to {@code POST /api/rooms/join} (a customer), {@code POST /api/rooms/{id}/observers} (an observer),
 * {@code POST /api/rooms/rejoin} (a participant back after a reload) and {@code POST /api/rooms/{id}/agent-token}
 * (the agent's console after a reload): a token for one participant of one room.
 *
 * @param roomId           the room the token is valid for
 * @param participantId    the participant's id (the token's {@code sub})
 * @param role             {@code agent}, {@code customer} or {@code observer}
 * @param token            the JWT to send as {@code Authorization: Bearer} and to the WebSocket services
 * @param tokenExpiresAt   when the token stops being accepted
 * @param rejoinCredential a secret the browser keeps (per origin) to come back as the same participant after a
 *                         reload or crash ({@code POST /api/rooms/rejoin}); single use, each rejoin answers a new
 *                         one; refused once the room ended or the participant was removed
 */
public record ParticipantToken(String roomId, String participantId, String role, String token,
                               Instant tokenExpiresAt, String rejoinCredential) {
}
