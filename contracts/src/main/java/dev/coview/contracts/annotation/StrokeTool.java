package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Tool of a {@link Stroke}. */
public enum StrokeTool {
    @JsonProperty("pen") PEN,
    /** Translucent, drawn under the pen strokes. */
    @JsonProperty("highlighter") HIGHLIGHTER,
    /** Vanishing ink: fades out on every client by itself, so it is relayed in order but never kept as state. */
    @JsonProperty("vanish") VANISH
}
