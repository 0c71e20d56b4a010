package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The customer's answer to the pending {@link RecordingRequest} {@code requestId}. */
public record RecordingConsent(@JsonProperty(required = true) String requestId,
                               @JsonProperty(required = true) boolean granted) implements AnnotationClientMessage {
    public static final String TYPE = "recording.consent";

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.recordingConsent(this);
    }
}
