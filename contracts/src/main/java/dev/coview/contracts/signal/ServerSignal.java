package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Messages the service sends on {@code /ws/signal}: {@code {"type": …, …}}. The schema of each type is
 * {@code schemas/signal/<type>.json} in this module; {@code schemas/signal/server-signal.json} is the union.
 *
 * <p>A socket first receives {@code welcome} (who it is, who else is in the room), then {@code peer-joined},
 * {@code peer-away} and {@code peer-left} as the room changes, {@code peer-share} as another participant's share
 * changes, the {@link Relayed} messages addressed to it, and {@code error} when one
 * of its messages was refused (the socket stays open).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Welcome.class, name = Welcome.TYPE),
        @JsonSubTypes.Type(value = PeerJoined.class, name = PeerJoined.TYPE),
        @JsonSubTypes.Type(value = PeerAway.class, name = PeerAway.TYPE),
        @JsonSubTypes.Type(value = PeerLeft.class, name = PeerLeft.TYPE),
        @JsonSubTypes.Type(value = PeerShare.class, name = PeerShare.TYPE),
        @JsonSubTypes.Type(value = Offer.class, name = Offer.TYPE),
        @JsonSubTypes.Type(value = Answer.class, name = Answer.TYPE),
        @JsonSubTypes.Type(value = Candidate.class, name = Candidate.TYPE),
        @JsonSubTypes.Type(value = Restart.class, name = Restart.TYPE),
        @JsonSubTypes.Type(value = SignalError.class, name = SignalError.TYPE),
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ServerSignal permits Relayed, Welcome, PeerJoined, PeerAway, PeerLeft, PeerShare,
        SignalError {
}
