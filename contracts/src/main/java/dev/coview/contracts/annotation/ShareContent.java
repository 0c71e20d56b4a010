package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What one share shows of its source: its crop ({@code null} before the first), masks (empty: none), pause.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShareContent(Crop crop, List<Rect> masks, boolean paused) {

    public ShareContent withCrop(Crop next) {
        return new ShareContent(next, masks, paused);
    }

    public ShareContent withMasks(List<Rect> next) {
        return new ShareContent(crop, next, paused);
    }

    public ShareContent withPaused(boolean next) {
        return new ShareContent(crop, masks, next);
    }
}
