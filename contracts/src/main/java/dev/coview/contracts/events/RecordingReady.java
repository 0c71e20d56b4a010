package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.recording.ready} (room-service): the recording's chunks were concatenated into one
 * WebM file that can be downloaded. Schema: {@code schemas/events/recording.ready.json}.
 *
 * @param roomId      the room
 * @param recordingId the recording
 * @param contentType media type of the file ({@code video/webm})
 * @param size        size of the file in bytes
 * @param sha256      SHA-256 of the file, lower-case hex
 * @param readyAt     when the file was complete
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordingReady(String roomId, String recordingId, String contentType, long size, String sha256,
                             Instant readyAt) {
}
