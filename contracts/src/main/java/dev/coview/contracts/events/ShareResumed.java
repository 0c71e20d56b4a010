package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.share.resumed}: a sharer (the customer; with two-way sharing also the agent) resumed a paused share. Published by
 * annotation-service when the room's pause flag turns off. Schema: {@code schemas/events/share.resumed.json}.
 *
 * @param roomId        the room
 * @param participantId the sharer
 * @param resumedAt     when the service accepted it
 * @param shareId       {@code agent} for a resume of the agent's share (two-way sharing); {@code null}, absent from the JSON,
 *                      for the customer's share, whose events keep the previous release's shape
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShareResumed(String roomId, String participantId, Instant resumedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String shareId) {

    /** Of the customer's share. */
    public ShareResumed(String roomId, String participantId, Instant resumedAt) {
        this(roomId, participantId, resumedAt, null);
    }
}
