package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.recording.started} (room-service): an agent created a recording, after the customer
 * consented in the client. Schema: {@code schemas/events/recording.started.json}.
 *
 * @param roomId        the room
 * @param recordingId   the new recording (base64url, 128 bits)
 * @param participantId the agent who records
 * @param startedAt     when room-service created the recording
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordingStarted(String roomId, String recordingId, String participantId, Instant startedAt) {
}
