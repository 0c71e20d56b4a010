package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
/**
 * Data of {@code dev.coview.crop.changed} (annotation-service).
 * A sharer (the customer; with two-way sharing also the agent) changed the crop: the rectangle of their screen that is shared, as fractions (0..1) of the
 * source, whose size in pixels is {@code sourceW} × {@code sourceH}.
 *
 * @param roomId        the room
 * @param participantId who did it
 * @param shareId       {@code agent} for the agent's share's crop (two-way sharing); {@code null}, absent from the JSON,
 *                      for the customer's share, whose events keep the previous release's shape
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CropChanged(String roomId, String participantId, double x, double y, double w, double h, int sourceW,
                          int sourceH, @JsonInclude(JsonInclude.Include.NON_NULL) String shareId) {

    /** Of the customer's share. */
    public CropChanged(String roomId, String participantId, double x, double y, double w, double h, int sourceW,
                       int sourceH) {
        this(roomId, participantId, x, y, w, h, sourceW, sourceH, null);
    }
}
