package dev.coview.signaling.api;

import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.signal.ClientSignal;
import dev.coview.contracts.signal.Offer;
import dev.coview.contracts.signal.Share;
import java.util.Map;
import java.util.Optional;

/**
 * Which grant a client message needs. The sharer offers media and reports its share ({@code share} grant); answers,
 * candidates, restarts and bye are open to every participant, observers included (they receive media too).
 */
final class MessagePolicy {

    private static final Map<Class<? extends ClientSignal>, Grant> REQUIRED = Map.of(
            Offer.class, Grant.SHARE,
            Share.class, Grant.SHARE);

    private MessagePolicy() {
    }

    static Optional<Grant> requiredGrant(ClientSignal message) {
        return Optional.ofNullable(REQUIRED.get(message.getClass()));
    }
}
