package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
/**
 * Data of {@code dev.coview.crop.changed} (annotation-service).
 * The customer changed the crop: the rectangle of their screen that is shared, as fractions (0..1) of the
 * source, whose size in pixels is {@code sourceW} × {@code sourceH}.
 *
 * @param roomId        the room
 * @param participantId who did it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CropChanged(String roomId, String participantId, double x, double y, double w, double h, int sourceW,
                          int sourceH) {
}
