package dev.coview.contracts.events;

import java.time.Instant;

/**
 * Payload of {@code dev.coview.room.created}: an agent opened a room. Schema: {@code schemas/events/room.created.json}.
 *
 * @param roomId    the new room (base64url, 128 bits)
 * @param agentId   participant id of the agent who holds the room's first token
 * @param createdBy who was allowed to create it, as the room-creation check names it (e.g. {@code api-key})
 * @param createdAt when the room was created
 * @param expiresAt when the room expires unless there is activity before
 */
public record RoomCreated(String roomId, String agentId, String createdBy, Instant createdAt, Instant expiresAt) {
}
