package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A participant connected to the room. With {@code resumed: true} it is one that was already there and
 * reconnected (new network, reloaded page): its peer connections are stale, so the offerer restarts ICE. Schema:
 * {@code schemas/signal/peer-joined.json}.
 *
 * @param peer    who joined
 * @param resumed whether it resumed an earlier session of the same participant
 */
@JsonTypeName(PeerJoined.TYPE)
@JsonPropertyOrder({"peer", "resumed"})
public record PeerJoined(Peer peer, boolean resumed) implements ServerSignal {
    public static final String TYPE = "peer-joined";
}
