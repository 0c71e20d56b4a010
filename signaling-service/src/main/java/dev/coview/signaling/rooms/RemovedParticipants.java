package dev.coview.signaling.rooms;

import dev.coview.signaling.routing.SignalRouter;
import dev.coview.support.auth.ParticipantRemovals;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Closes the socket of a participant the agent removed (4003) when room-service announces it on
 * {@code participants-removed}; the others get {@code peer-left}. Pub/sub is at-most-once: a missed announcement
 * leaves the socket open until it closes by itself, and its next upgrade is refused (the removal marker).
 */
@ApplicationScoped
public class RemovedParticipants {

    private final ParticipantRemovals removals;
    private final SignalRouter router;
    private Cancellable subscription;

    @Inject
    public RemovedParticipants(ParticipantRemovals removals, SignalRouter router) {
        this.removals = removals;
        this.router = router;
    }

    void start(@Observes StartupEvent ignored) {
        subscription = removals.removals()
                .onFailure().retry().withBackOff(Duration.ofSeconds(1)).indefinitely()
                .subscribe().with(r -> router.removeParticipant(r.roomId(), r.participantId()));
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
