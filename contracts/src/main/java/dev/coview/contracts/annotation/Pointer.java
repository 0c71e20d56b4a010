package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Laser pointer at ({@code x}, {@code y}); clients send at most one per animation frame. */
public record Pointer(@JsonProperty(required = true) double x, @JsonProperty(required = true) double y,
                      String shareId)
        implements AnnotationClientMessage, AnnotationClientMessage.Volatile, Shares.OnShare {
    public static final String TYPE = "pointer";

    /** On the customer's share. */
    public Pointer(double x, double y) {
        this(x, y, null);
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.pointer(this);
    }
}
