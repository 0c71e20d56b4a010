package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kind of a {@link Shape}. */
public enum ShapeKind {
    /** From ({@code x1}, {@code y1}) to the head at ({@code x2}, {@code y2}). */
    @JsonProperty("arrow") ARROW,
    /** Axis-aligned, with corners ({@code x1}, {@code y1}) and ({@code x2}, {@code y2}). */
    @JsonProperty("rect") RECT,
    /** Inscribed in the rectangle of a {@link #RECT}. */
    @JsonProperty("ellipse") ELLIPSE,
    /** {@code text} anchored (top left) at ({@code x1}, {@code y1}), wrapped at {@code x2}. */
    @JsonProperty("text") TEXT
}
