package dev.coview.contracts.rooms;

import java.time.Instant;

/**
 * Answer to {@code POST /api/rooms/join} (a customer) and {@code POST /api/rooms/{id}/observers} (an observer): a
 * token for one participant of one room.
 *
 * @param roomId         the room the token is valid for
 * @param participantId  the participant's id (the token's {@code sub})
 * @param role           {@code customer} or {@code observer}
 * @param token          the JWT to send as {@code Authorization: Bearer} and to the WebSocket services
 * @param tokenExpiresAt when the token stops being accepted
 */
public record ParticipantToken(String roomId, String participantId, String role, String token,
                               Instant tokenExpiresAt) {
}
