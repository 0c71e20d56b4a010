package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Messages a client sends on {@code /ws/signal}: {@code {"type": …, …}}. The schema of each type is
 * {@code schemas/signal/<type>.json} in this module; {@code schemas/signal/client-signal.json} is the union.
 *
 * <p>{@link Relayed} messages ({@code offer}, {@code answer}, {@code candidate}, {@code restart}) name one
 * participant of the sender's room in {@code to}; the service delivers them to that participant only, stamped with
 * the sender's id in {@code from} (a {@code from} sent by a client is ignored). {@code bye} leaves the room for
 * good; {@code share} tells the room whether the sender's screen share runs (and where the sender is in sharing), so
 * that {@code share.started} and {@code share.stopped} events say what really happened and the others are told
 * ({@code peer-share}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Offer.class, name = Offer.TYPE),
        @JsonSubTypes.Type(value = Answer.class, name = Answer.TYPE),
        @JsonSubTypes.Type(value = Candidate.class, name = Candidate.TYPE),
        @JsonSubTypes.Type(value = Restart.class, name = Restart.TYPE),
        @JsonSubTypes.Type(value = Bye.class, name = Bye.TYPE),
        @JsonSubTypes.Type(value = Share.class, name = Share.TYPE),
})
public sealed interface ClientSignal permits Relayed, Bye, Share {
}
