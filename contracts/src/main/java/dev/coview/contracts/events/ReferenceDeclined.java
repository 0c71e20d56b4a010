package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
/**
 * Data of {@code dev.coview.reference.declined} (annotation-service).
 * The customer declined the link the agent pushed.
 *
 * @param roomId        the room
 * @param participantId who did it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferenceDeclined(String roomId, String participantId, String url) {
}
