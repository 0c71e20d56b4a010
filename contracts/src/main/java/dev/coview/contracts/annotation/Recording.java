package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The agent started recording (room-service's {@code recordingId}) or stopped. Starting needs the customer's
 * consent to the agent's last request, and each consent allows one recording: the customer is asked again for
 * the next one.
 */
public record Recording(@JsonProperty(required = true) boolean on, String recordingId)
        implements AnnotationClientMessage {
    public static final String TYPE = "recording";

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.recording(this);
    }
}
