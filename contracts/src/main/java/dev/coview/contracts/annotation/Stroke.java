package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A freehand stroke, whole ({@code phase} absent) or in parts while it is drawn ({@code begin}, {@code append}
 * …, {@code end}). {@code points} is flat: {@code [x0, y0, x1, y1, …]}. {@code tool}, {@code color} and
 * {@code width} are required whole and at {@code begin}, ignored after. {@code width} is a fraction of the
 * source width.
 */
public record Stroke(@JsonProperty(required = true) String id, StrokePhase phase, StrokeTool tool, String color,
                     Double width, @JsonProperty(required = true) double[] points, String shareId)
        implements AnnotationClientMessage, Drawable, Shares.OnShare {
    public static final String TYPE = "stroke";

    /** On the customer's share. */
    public Stroke(String id, StrokePhase phase, StrokeTool tool, String color, Double width, double[] points) {
        this(id, phase, tool, color, width, points, null);
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.stroke(this);
    }
}
