package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Where another participant is in sharing their screen, as their client reported it ({@link Share}): sent to the
 * room's other participants on every change, and right after a {@code welcome} for each listed participant that has
 * reported one (so a reloaded page knows at once). Schema: {@code schemas/signal/peer-share.json}.
 *
 * @param id    participant id of the sharer
 * @param phase {@link Share#CONSENT}, {@link Share#CHOOSING}, {@link Share#SHARING}, {@link Share#PAUSED} or
 *              {@link Share#STOPPED}
 */
@JsonTypeName(PeerShare.TYPE)
@JsonPropertyOrder({"id", "phase"})
public record PeerShare(String id, String phase) implements ServerSignal {
    public static final String TYPE = "peer-share";
}
