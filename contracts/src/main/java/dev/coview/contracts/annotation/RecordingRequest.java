package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The agent asks the customer's consent to record the session. {@code requestId} is the agent's id for this
 * question; the customer's {@link RecordingConsent} names it. A new request replaces an unanswered one.
 */
public record RecordingRequest(@JsonProperty(required = true) String requestId) implements AnnotationClientMessage {
    public static final String TYPE = "recording.request";

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.recordingRequest(this);
    }
}
