package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.recording.stopped} (room-service): the recording client asked to complete the
 * recording, all its chunks being uploaded. {@code recording.ready} follows once the file is assembled.
 * Schema: {@code schemas/events/recording.stopped.json}.
 *
 * @param roomId        the room
 * @param recordingId   the recording
 * @param participantId who completed it
 * @param chunks        how many chunks the recording has
 * @param stoppedAt     when room-service accepted the completion
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordingStopped(String roomId, String recordingId, String participantId, int chunks,
                               Instant stoppedAt) {
}
