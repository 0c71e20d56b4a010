package dev.coview.signaling.events;

import dev.coview.contracts.events.ParticipantConnected;
import dev.coview.contracts.events.ParticipantDisconnected;
import dev.coview.contracts.events.ParticipantLeft;
import dev.coview.contracts.events.SessionEventType;
import dev.coview.contracts.events.ShareStarted;
import dev.coview.contracts.events.ShareStopped;
import dev.coview.support.events.SessionEventPublisher;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The session events signaling-service publishes (CloudEvents on {@code coview.session-events}). Fire and
 * forget: a Kafka hiccup must never close a socket or delay a relay, so failures are logged, not propagated.
 */
@ApplicationScoped
public class SignalEvents {

    private final SessionEventPublisher publisher;

    @Inject
    public SignalEvents(SessionEventPublisher publisher) {
        this.publisher = publisher;
    }

    /** A socket opened ({@code participant.connected}). */
    public void connected(String roomId, String participantId, String role, boolean resumed) {
        publish(SessionEventType.PARTICIPANT_CONNECTED, roomId,
                new ParticipantConnected(roomId, participantId, role, resumed, Instant.now()));
    }

    /** A socket closed, or its instance was lost ({@code participant.disconnected}). */
    public void disconnected(String roomId, String participantId, String role, String reason) {
        publish(SessionEventType.PARTICIPANT_DISCONNECTED, roomId,
                new ParticipantDisconnected(roomId, participantId, role, reason, Instant.now()));
    }

    /**
     * The participant is gone for good ({@code participant.left}); {@code reason} from {@link ParticipantLeft}. Called
     * only by the instance whose removal of the presence entry succeeded, so it is published once.
     */
    public void left(String roomId, String participantId, String role, String reason) {
        publish(SessionEventType.PARTICIPANT_LEFT, roomId,
                new ParticipantLeft(roomId, participantId, role, reason, Instant.now()));
    }

    /** The participant's client reported its share running ({@code share.started}). */
    public void shareStarted(String roomId, String participantId) {
        publish(SessionEventType.SHARE_STARTED, roomId, new ShareStarted(roomId, participantId, Instant.now()));
    }

    /** A running share ended ({@code share.stopped}); {@code reason} from {@link ShareStopped}. */
    public void shareStopped(String roomId, String participantId, String reason) {
        publish(SessionEventType.SHARE_STOPPED, roomId,
                new ShareStopped(roomId, participantId, reason, Instant.now()));
    }

    private void publish(SessionEventType type, String roomId, Object data) {
        publisher.publish(type, roomId, data).subscribe().with(
                ok -> Log.debugf("published %s for room %s", type.type(), roomId),
                e -> Log.warnf("could not publish %s for room %s: %s", type.type(), roomId, e.getMessage()));
    }
}
