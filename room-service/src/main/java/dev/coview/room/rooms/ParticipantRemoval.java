package dev.coview.room.rooms;

import dev.coview.contracts.events.ParticipantRemoved;
import dev.coview.room.config.RoomConfig;
import dev.coview.room.events.RoomEvents;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import dev.coview.support.auth.Participant;
import dev.coview.support.auth.ParticipantRemovals;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * An agent removes a participant of its room: the removal marker for as long as a token lives (from then on every
 * service refuses their tokens, whatever the {@code jti}, and the rejoin exchange refuses them), its announcement
 * (every signaling and annotation instance closes their sockets with 4003), then {@code participant.removed}.
 */
@ApplicationScoped
public class ParticipantRemoval {

    private final RoomStore store;
    private final ParticipantRemovals removals;
    private final RoomEvents events;
    private final RoomConfig config;

    public ParticipantRemoval(RoomStore store, ParticipantRemovals removals, RoomEvents events, RoomConfig config) {
        this.store = store;
        this.removals = removals;
        this.events = events;
        this.config = config;
    }

    /** Removes {@code participantId} from the agent's room; nothing changes if they were removed already. */
    public Uni<Void> remove(Participant agent, String participantId) {
        String roomId = agent.roomId();
        if (participantId.equals(agent.id())) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.INVALID_REQUEST,
                    "you cannot remove yourself; end the session instead"));
        }
        return store.participant(roomId, participantId).chain(p -> {
            if (p == null) {
                return Uni.createFrom().failure(new ProblemException(ProblemType.NOT_FOUND,
                        "no participant " + participantId + " in this room"));
            }
            return removals.isRemoved(roomId, participantId).chain(already -> already
                    ? Uni.createFrom().voidItem()
                    : removals.markRemoved(roomId, participantId, config.tokenTtl())
                    .invoke(() -> Log.infof("participant %s (%s) removed by %s", participantId, p.role(), agent.id()))
                    .chain(() -> events.removed(
                            new ParticipantRemoved(roomId, participantId, p.role(), agent.id(), Instant.now()))));
        });
    }
}
