package dev.coview.signaling.events;

import dev.coview.contracts.events.ParticipantConnected;
import dev.coview.contracts.events.ParticipantDisconnected;
import dev.coview.contracts.events.ParticipantLeft;
import dev.coview.contracts.events.SessionEventType;
import dev.coview.contracts.events.ShareStarted;
import dev.coview.contracts.events.ShareStopped;
import dev.coview.signaling.config.SignalingConfig;
import dev.coview.support.events.SessionEventPublisher;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session events signaling-service publishes (CloudEvents on {@code coview.session-events}). Fire and
 * forget: a Kafka hiccup must never close a socket or delay a relay, so failures are logged, not propagated.
 * A participant's {@code participant.disconnected} waits {@code reconnect-merge}: if the same participant connects
 * here again meanwhile, neither event is published (rapid reconnects are merged; pending ones are published at
 * shutdown).
 */
@ApplicationScoped
public class SignalEvents {

    private final SessionEventPublisher publisher;
    private final Vertx vertx;
    private final SignalingConfig config;
    /** Disconnects not published yet, by room and participant: their timer and the event. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(long timer, ParticipantDisconnected event) {
    }

    @Inject
    public SignalEvents(SessionEventPublisher publisher, Vertx vertx, SignalingConfig config) {
        this.publisher = publisher;
        this.vertx = vertx;
        this.config = config;
    }

    /** A socket opened ({@code participant.connected}), unless it is a rapid reconnect of the same participant. */
    public void connected(String roomId, String participantId, String role, boolean resumed) {
        Pending merged = pending.remove(roomId + ' ' + participantId);
        if (merged != null && vertx.cancelTimer(merged.timer())) {
            Log.debugf("participant %s reconnected within %s: no session events", participantId,
                    config.reconnectMerge());
            return;
        }
        publish(SessionEventType.PARTICIPANT_CONNECTED, roomId,
                new ParticipantConnected(roomId, participantId, role, resumed, Instant.now()));
    }

    /**
     * A socket closed, or its instance was lost ({@code participant.disconnected}).
     *
     * @param mayReturn the participant may reconnect (a drop, not a {@code bye}): published after the merge time,
     *                  and not at all if it reconnects here meanwhile
     */
    public void disconnected(String roomId, String participantId, String role, String reason, boolean mayReturn) {
        String key = roomId + ' ' + participantId;
        ParticipantDisconnected event = new ParticipantDisconnected(roomId, participantId, role, reason, Instant.now());
        if (!mayReturn) {
            publish(SessionEventType.PARTICIPANT_DISCONNECTED, roomId, event);
            return;
        }
        long timer = vertx.setTimer(Math.max(1, config.reconnectMerge().toMillis()), t -> {
            Pending due = pending.get(key);
            if (due != null && due.timer() == t && pending.remove(key, due)) {
                publish(SessionEventType.PARTICIPANT_DISCONNECTED, roomId, event);
            }
        });
        Pending replaced = pending.put(key, new Pending(timer, event));
        if (replaced != null && vertx.cancelTimer(replaced.timer())) {
            publish(SessionEventType.PARTICIPANT_DISCONNECTED, roomId, replaced.event());
        }
    }

    /** Publishes the disconnects still waiting (the instance stops: nobody will reconnect here). */
    @PreDestroy
    void flush() {
        pending.forEach((key, due) -> {
            if (pending.remove(key, due) && vertx.cancelTimer(due.timer())) {
                publish(SessionEventType.PARTICIPANT_DISCONNECTED, due.event().roomId(), due.event());
            }
        });
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
