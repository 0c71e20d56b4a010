package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code dev.coview.freeze.ended} (annotation-service).
 * The agent unfroze the shared frame.
 *
 * @param roomId        the room
 * @param participantId who did it
 * @param shareId       {@code agent} when it was the agent's share (two-way sharing); {@code null}, absent from the
 *                      JSON, for the customer's, whose events keep the previous release's shape
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FreezeEnded(String roomId, String participantId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String shareId) {

    /** The customer's share unfrozen. */
    public FreezeEnded(String roomId, String participantId) {
        this(roomId, participantId, null);
    }
}
