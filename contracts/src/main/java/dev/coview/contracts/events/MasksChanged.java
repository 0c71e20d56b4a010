package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
/**
 * Data of {@code dev.coview.masks.changed} (annotation-service).
 * A sharer (the customer; with two-way sharing also the agent) changed their privacy masks; {@code count} rectangles are now blacked out (0: none). The
 * rectangles themselves stay in the annotation log.
 *
 * @param roomId        the room
 * @param participantId who did it
 * @param shareId       {@code agent} for the agent's share's masks (two-way sharing); {@code null}, absent from the JSON,
 *                      for the customer's share, whose events keep the previous release's shape
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MasksChanged(String roomId, String participantId, int count,
        @JsonInclude(JsonInclude.Include.NON_NULL) String shareId) {

    /** Of the customer's share. */
    public MasksChanged(String roomId, String participantId, int count) {
        this(roomId, participantId, count, null);
    }
}
