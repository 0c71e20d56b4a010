package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
/**
 * Data of {@code dev.coview.reference.pushed} (annotation-service).
 * The agent offered the customer a link.
 *
 * @param roomId        the room
 * @param participantId who did it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferencePushed(String roomId, String participantId, String url) {
}
