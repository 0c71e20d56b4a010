package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
/**
 * Data of {@code dev.coview.masks.changed} (annotation-service).
 * The customer changed their privacy masks; {@code count} rectangles are now blacked out (0: none). The
 * rectangles themselves stay in the annotation log.
 *
 * @param roomId        the room
 * @param participantId who did it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MasksChanged(String roomId, String participantId, int count) {
}
