package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which part of a stroke a {@link Stroke} carries, so that others see it while it is drawn.
 * A stroke without a phase is whole.
 */
public enum StrokePhase {
    /** First points, with tool, color and width. */
    @JsonProperty("begin") BEGIN,
    /** More points of a stroke the same author began. */
    @JsonProperty("append") APPEND,
    /** Last points (may be none); the stroke is complete. */
    @JsonProperty("end") END
}
