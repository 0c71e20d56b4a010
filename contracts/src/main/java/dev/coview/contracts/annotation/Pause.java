package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A sharer paused their share (black frames) or resumed it. */
public record Pause(@JsonProperty(required = true) boolean on, String shareId)
        implements AnnotationClientMessage, Shares.SharerSetting {
    public static final String TYPE = "pause";

    /** The customer's pause. */
    public Pause(boolean on) {
        this(on, null);
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.pause(this);
    }
}
