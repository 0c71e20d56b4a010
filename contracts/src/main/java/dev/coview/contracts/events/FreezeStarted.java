package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code dev.coview.freeze.started} (annotation-service).
 * The agent froze a shared frame (the customer's share, or with two-way sharing their own); {@code snapshotId} is the still both sides show, {@code null} until it
 * is uploaded.
 *
 * @param roomId        the room
 * @param participantId who did it
 * @param snapshotId    the still, once uploaded
 * @param shareId       {@code agent} for a freeze of the agent's share (two-way sharing); {@code null}, absent from
 *                      the JSON, for the customer's, whose events keep the previous release's shape
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FreezeStarted(String roomId, String participantId, String snapshotId, String shareId) {

    /** A freeze of the customer's share. */
    public FreezeStarted(String roomId, String participantId, String snapshotId) {
        this(roomId, participantId, snapshotId, null);
    }
}
