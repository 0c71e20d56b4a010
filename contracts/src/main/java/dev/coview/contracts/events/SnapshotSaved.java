package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
/**
 * Data of {@code dev.coview.snapshot.saved} (annotation-service).
 * An annotated snapshot was saved (stored by room-service under {@code snapshotId}).
 *
 * @param roomId        the room
 * @param participantId who did it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SnapshotSaved(String roomId, String participantId, String snapshotId) {
}
