package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A rectangle in the shared content's space: {@code x}, {@code y}, {@code w}, {@code h} are fractions (0..1) of the
 * source (screen) width and height, so that it stays on the same content whatever window shows it.
 */
public record Rect(@JsonProperty(required = true) double x, @JsonProperty(required = true) double y,
                   @JsonProperty(required = true) double w, @JsonProperty(required = true) double h) {
}
