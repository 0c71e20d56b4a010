package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A participant's socket dropped: it is held for the resume grace period. Its peer connections may still carry
 * media; the others say so at once instead of waiting for the grace period to end. Followed by {@code peer-joined}
 * ({@code resumed: true}) if it comes back, else by {@code peer-left} ({@code lost}). Also sent right after a
 * {@code welcome} that lists a participant who is away. Schema: {@code schemas/signal/peer-away.json}.
 *
 * @param id participant id of who dropped
 */
@JsonTypeName(PeerAway.TYPE)
@JsonPropertyOrder({"id"})
public record PeerAway(String id) implements ServerSignal {
    public static final String TYPE = "peer-away";
}
