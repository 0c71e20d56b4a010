package dev.coview.room.events;

import dev.coview.contracts.events.ParticipantJoined;
import dev.coview.contracts.events.ParticipantRemoved;
import dev.coview.contracts.events.RoomCreated;
import dev.coview.contracts.events.RoomEnded;
import dev.coview.contracts.events.RoomExpired;
import dev.coview.contracts.events.SessionEventType;
import dev.coview.support.events.SessionEventPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * room-service's session events on {@code coview.session-events}. Each call waits for Kafka's acknowledgement, so
 * an event is out before the request that caused it answers; a failed publish is logged and does not fail the
 * request: a support session must not break because the analytics side of Kafka is down.
 */
@ApplicationScoped
public class RoomEvents {

    private static final Logger LOG = Logger.getLogger(RoomEvents.class);

    private final SessionEventPublisher publisher;

    public RoomEvents(SessionEventPublisher publisher) {
        this.publisher = publisher;
    }

    public Uni<Void> created(RoomCreated event) {
        return publish(SessionEventType.ROOM_CREATED, event.roomId(), event);
    }

    public Uni<Void> joined(ParticipantJoined event) {
        return publish(SessionEventType.PARTICIPANT_JOINED, event.roomId(), event);
    }

    public Uni<Void> removed(ParticipantRemoved event) {
        return publish(SessionEventType.PARTICIPANT_REMOVED, event.roomId(), event);
    }

    public Uni<Void> ended(RoomEnded event) {
        return publish(SessionEventType.ROOM_ENDED, event.roomId(), event);
    }

    public Uni<Void> expired(RoomExpired event) {
        return publish(SessionEventType.ROOM_EXPIRED, event.roomId(), event);
    }

    private Uni<Void> publish(SessionEventType type, String roomId, Object data) {
        return publisher.publish(type, roomId, data)
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf(e, "could not publish %s for room %s", type.type(), roomId);
                    return null;
                });
    }
}
