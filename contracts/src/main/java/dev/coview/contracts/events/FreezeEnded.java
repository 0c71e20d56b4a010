package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
/**
 * Data of {@code dev.coview.freeze.ended} (annotation-service).
 * The agent unfroze the shared frame.
 *
 * @param roomId        the room
 * @param participantId who did it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FreezeEnded(String roomId, String participantId) {
}
