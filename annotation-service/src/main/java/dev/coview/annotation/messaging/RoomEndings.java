package dev.coview.annotation.messaging;

import dev.coview.annotation.rooms.Rooms;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.support.auth.RoomRevocations;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Closes the sockets of a room the moment it ends (announced on Redis by room-service) with
 * {@link CloseCodes#ROOM_ENDED}, and forgets the room's state here.
 */
@ApplicationScoped
public class RoomEndings {

    @Inject
    RoomRevocations revocations;
    @Inject
    Rooms rooms;

    private Cancellable subscription;

    void onStart(@Observes StartupEvent event) {
        subscription = revocations.endedRooms()
                .onFailure().invoke(e -> Log.warnf("room-ended subscription failed, retrying: %s", e.getMessage()))
                .onFailure().retry().withBackOff(java.time.Duration.ofSeconds(1)).indefinitely()
                .subscribe().with(this::end);
    }

    void end(String roomId) {
        var sockets = rooms.end(roomId);
        for (var socket : sockets) {
            socket.close(new CloseReason(CloseCodes.ROOM_ENDED, "room ended")).subscribe().with(ok -> {
            }, e -> Log.debugf("closing socket %s: %s", socket.id(), e.getMessage()));
        }
        if (!sockets.isEmpty()) {
            Log.infof("room %s ended: closed %d sockets", roomId, sockets.size());
        }
    }

    @PreDestroy
    void stop() {
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
