package dev.coview.annotation.messaging;

import dev.coview.annotation.rooms.Room;
import dev.coview.annotation.rooms.Rooms;
import dev.coview.support.auth.ParticipantRemovals;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * A participant the agent removed loses every socket on this instance at once (4003), when room-service announces
 * it on {@code participants-removed}. Pub/sub is at-most-once: a missed announcement leaves the socket open until it
 * closes by itself; its next upgrade is refused (the removal marker).
 */
@ApplicationScoped
public class RemovedParticipants {

    private final ParticipantRemovals removals;
    private final Rooms rooms;
    private Cancellable subscription;

    @Inject
    public RemovedParticipants(ParticipantRemovals removals, Rooms rooms) {
        this.removals = removals;
        this.rooms = rooms;
    }

    void start(@Observes StartupEvent event) {
        subscription = removals.removals()
                .onFailure().retry().withBackOff(Duration.ofSeconds(1)).indefinitely()
                .subscribe().with(r -> {
                    Room room = rooms.existing(r.roomId());
                    if (room != null) {
                        room.remove(r.participantId());
                    }
                });
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
