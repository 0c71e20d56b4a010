package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The agent asks the customer to crop to this rectangle; the customer's client applies it only if allowed. */
public record CropRequest(@JsonProperty(required = true) double x, @JsonProperty(required = true) double y,
                          @JsonProperty(required = true) double w, @JsonProperty(required = true) double h)
        implements AnnotationClientMessage {
    public static final String TYPE = "crop.request";

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.cropRequest(this);
    }
}
