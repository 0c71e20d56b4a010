package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Live ink: the points stroke {@code id} gained since its previous ink, sent while the pen still moves (at most
 * once per animation frame), so the others see the line being drawn at pointer latency. Volatile like the
 * pointer: relayed through {@code coview.pointers} to everybody but its author and never state; the finished
 * stroke follows as one whole {@link Stroke} with the same id, the only copy the log and late joiners see.
 */
public record Ink(@JsonProperty(required = true) String id, @JsonProperty(required = true) StrokeTool tool,
                  @JsonProperty(required = true) String color, @JsonProperty(required = true) double width,
                  @JsonProperty(required = true) double[] points, String shareId)
        implements AnnotationClientMessage, AnnotationClientMessage.Volatile, Shares.OnShare {
    public static final String TYPE = "ink";

    /** On the customer's share. */
    public Ink(String id, StrokeTool tool, String color, double width, double[] points) {
        this(id, tool, color, width, points, null);
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.ink(this);
    }
}
