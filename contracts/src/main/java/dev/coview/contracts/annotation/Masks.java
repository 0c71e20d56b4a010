package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A share's privacy masks, blacked out before encoding; the whole list each time (empty: none). */
public record Masks(@JsonProperty(required = true) List<Rect> rects, String shareId)
        implements AnnotationClientMessage, Shares.SharerSetting {
    public static final String TYPE = "masks";

    /** The customer's masks. */
    public Masks(List<Rect> rects) {
        this(rects, null);
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.masks(this);
    }
}
