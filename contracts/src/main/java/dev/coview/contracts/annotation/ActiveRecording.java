package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A recording in progress: who records, and room-service's id of it (absent if the agent did not say). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActiveRecording(String authorId, String recordingId) {
}
