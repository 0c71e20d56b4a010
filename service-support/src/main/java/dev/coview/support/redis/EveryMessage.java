package dev.coview.support.redis;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Hands every message of a long-lived subscription ({@link ChannelSubscriber}: it never fails, it reconnects by
 * itself) to a handler, for as long as the service runs. A handler that throws on one message is logged and the
 * next message is handled as usual: with a bare {@code subscribe().with(handler)}, Mutiny cancels the subscription
 * on the first exception, and that instance would silently stop closing the sockets of removed participants or of
 * ended rooms until it restarts ({@code onFailure().retry()} upstream does not help: the failure is the
 * subscriber's own).
 */
public final class EveryMessage {

    private static final Logger LOG = Logger.getLogger(EveryMessage.class);

    private EveryMessage() {
    }

    /**
     * Subscribes {@code handler} to {@code messages}; {@code what} names the subscription in the log.
     *
     * @return cancel it at shutdown
     */
    public static <T> Cancellable handle(Multi<T> messages, String what, Consumer<? super T> handler) {
        return messages.subscribe().with(message -> {
            try {
                handler.accept(message);
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s: handling one message failed (%s); the next ones are handled as usual", what,
                        message);
            }
        }, failure -> LOG.errorf(failure, "%s: the subscription ended", what));
    }
}
