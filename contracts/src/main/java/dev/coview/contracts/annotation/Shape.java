package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An arrow, rectangle, ellipse or text between ({@code x1}, {@code y1}) and ({@code x2}, {@code y2}). Sending a
 * shape with an existing id of one's own replaces it (a move or an edit). {@code text} only for kind text.
 */
public record Shape(@JsonProperty(required = true) String id, @JsonProperty(required = true) ShapeKind kind,
                    @JsonProperty(required = true) double x1, @JsonProperty(required = true) double y1,
                    @JsonProperty(required = true) double x2, @JsonProperty(required = true) double y2,
                    @JsonProperty(required = true) String color, @JsonProperty(required = true) double width,
                    String text, String shareId)
        implements AnnotationClientMessage, Drawable, Shares.OnShare {
    public static final String TYPE = "shape";

    /** On the customer's share. */
    public Shape(String id, ShapeKind kind, double x1, double y1, double x2, double y2, String color,
                 double width, String text) {
        this(id, kind, x1, y1, x2, y2, color, width, text, null);
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.shape(this);
    }
}
