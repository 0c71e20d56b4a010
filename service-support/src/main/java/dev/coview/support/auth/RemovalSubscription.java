package dev.coview.support.auth;

import dev.coview.support.redis.EveryMessage;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Hands each removal announced on {@code participants-removed} ({@link ParticipantRemovals#removals}) to the
 * service's {@link ParticipantRemovals.Listener}s, from startup to shutdown: the one subscription per service
 * that {@link ParticipantRemovals} asks for. A service without a listener (room-service, which only announces)
 * subscribes to nothing.
 */
@ApplicationScoped
public class RemovalSubscription {

    private final ParticipantRemovals removals;
    private final Instance<ParticipantRemovals.Listener> listeners;
    private Cancellable subscription;

    @Inject
    public RemovalSubscription(ParticipantRemovals removals, Instance<ParticipantRemovals.Listener> listeners) {
        this.removals = removals;
        this.listeners = listeners;
    }

    void start(@Observes StartupEvent ignored) {
        if (listeners.isUnsatisfied()) {
            return;
        }
        subscription = EveryMessage.handle(removals.removals(), "participants-removed",
                r -> listeners.forEach(l -> l.removed(r.roomId(), r.participantId())));
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
