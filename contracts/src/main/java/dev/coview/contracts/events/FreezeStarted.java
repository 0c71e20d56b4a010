package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
/**
 * Data of {@code dev.coview.freeze.started} (annotation-service).
 * The agent froze the shared frame; {@code snapshotId} is the still both sides show, {@code null} until it
 * is uploaded.
 *
 * @param roomId        the room
 * @param participantId who did it
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FreezeStarted(String roomId, String participantId, String snapshotId) {
}
