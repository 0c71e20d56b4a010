package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A share's crop (the customer's unless {@code shareId} says otherwise): the rectangle of the source that is
 * encoded and sent, as fractions of the source whose size in pixels is {@code sourceW} × {@code sourceH}.
 */
public record Crop(@JsonProperty(required = true) double x, @JsonProperty(required = true) double y,
                   @JsonProperty(required = true) double w, @JsonProperty(required = true) double h,
                   @JsonProperty(required = true) int sourceW, @JsonProperty(required = true) int sourceH,
                   String shareId)
        implements AnnotationClientMessage, Shares.SharerSetting {
    public static final String TYPE = "crop";

    /** The customer's crop. */
    public Crop(double x, double y, double w, double h, int sourceW, int sourceH) {
        this(x, y, w, h, sourceW, sourceH, null);
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.crop(this);
    }
}
