package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code dev.coview.recording.declined} (annotation-service): the customer declined the agent's request to
 * record the session. Schema: {@code schemas/events/recording.declined.json}.
 *
 * @param roomId        the room
 * @param participantId the customer who declined
 * @param requestId     the agent's {@code recording.request} that was answered
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordingDeclined(String roomId, String participantId, String requestId) {
}
