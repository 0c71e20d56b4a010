package dev.coview.contracts.rooms;

import java.time.Instant;

/**
 * One live room of the calling agent, in the answer to {@code GET /api/rooms} (the agent console restores its
 * sessions after a reload).
 *
 * @param roomId         the room
 * @param agentId        the agent's participant id in it
 * @param createdAt      when it was created
 * @param expiresAt      its idle expiry
 * @param customerJoined whether a customer has joined (the code and invite are spent then)
 * @param joinCode       the code to give the customer while none has joined, else {@code null}
 * @param inviteUrl      the invite link while no customer has joined, else {@code null}
 */
public record ActiveRoom(String roomId, String agentId, Instant createdAt, Instant expiresAt, boolean customerJoined,
                         String joinCode, String inviteUrl) {
}
