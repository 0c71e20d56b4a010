package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.coview.contracts.auth.AgentIdentity;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.room.created}: an agent opened a room. Schema: {@code schemas/events/room.created.json}.
 *
 * @param roomId    the new room (base64url, 128 bits)
 * @param agentId   participant id of the agent who holds the room's first token
 * @param createdBy who was allowed to create it: {@link AgentIdentity#creator()} ({@code oidc:<sub>} or
 *                  {@code api-key:<key name>})
 * @param createdAt when the room was created
 * @param expiresAt when the room expires unless there is activity before
 * @param agent     the identity behind {@code createdBy}: sign-in method, subject, and the name and e-mail the
 *                  identity provider gave
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoomCreated(String roomId, String agentId, String createdBy, Instant createdAt, Instant expiresAt,
                          AgentIdentity agent) {
}
