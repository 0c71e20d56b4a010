package dev.coview.signaling.rooms;

import dev.coview.signaling.routing.SignalRouter;
import dev.coview.support.auth.ParticipantRemovals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Closes the socket of a participant the agent removed (4003) when room-service announces it on
 * {@code participants-removed}; the others get {@code peer-left}. Pub/sub is at-most-once: a missed announcement
 * leaves the socket open until it closes by itself, and its next upgrade is refused (the removal marker).
 */
@ApplicationScoped
public class RemovedParticipants implements ParticipantRemovals.Listener {

    private final SignalRouter router;

    @Inject
    public RemovedParticipants(SignalRouter router) {
        this.router = router;
    }

    @Override
    public void removed(String roomId, String participantId) {
        router.removeParticipant(roomId, participantId);
    }
}
