package dev.coview.annotation.messaging;

import dev.coview.annotation.rooms.Room;
import dev.coview.annotation.rooms.Rooms;
import dev.coview.support.auth.ParticipantRemovals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A participant the agent removed loses every socket on this instance at once (4003), when room-service announces
 * it on {@code participants-removed}. Pub/sub is at-most-once: a missed announcement leaves the socket open until it
 * closes by itself; its next upgrade is refused (the removal marker).
 */
@ApplicationScoped
public class RemovedParticipants implements ParticipantRemovals.Listener {

    private final Rooms rooms;

    @Inject
    public RemovedParticipants(Rooms rooms) {
        this.rooms = rooms;
    }

    @Override
    public void removed(String roomId, String participantId) {
        Room room = rooms.existing(roomId);
        if (room != null) {
            room.remove(participantId);
        }
    }
}
