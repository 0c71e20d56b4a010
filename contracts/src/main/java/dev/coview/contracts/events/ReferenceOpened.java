package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
/**
 * Data of {@code dev.coview.reference.opened} (annotation-service).
 * The customer opened the link the agent pushed.
 *
 * @param roomId        the room
 * @param participantId who did it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferenceOpened(String roomId, String participantId, String url) {
}
