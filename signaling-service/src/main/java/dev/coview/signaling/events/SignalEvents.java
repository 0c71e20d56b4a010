package dev.coview.signaling.events;

import dev.coview.contracts.annotation.Shares;
import dev.coview.contracts.auth.Role;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session events signaling-service publishes (CloudEvents on {@code coview.session-events}). Fire and
 * forget: a Kafka hiccup must never close a socket or delay a relay, so failures are logged, not propagated.
 * Events describe participants, not sockets: this instance counts each participant's joined sockets, so a newer
 * socket replacing an older one (in whatever order their open and close arrive) publishes nothing. A participant's
 * last socket closing publishes {@code participant.disconnected} after {@code reconnect-merge}: if the same
 * participant joins here again meanwhile, neither event is published (rapid reconnects are merged; pending ones are
 * published at shutdown).
 */
@ApplicationScoped
public class SignalEvents {

    private final SessionEventPublisher publisher;
    private final Vertx vertx;
    private final SignalingConfig config;
    /** This instance's participants with a joined socket or a disconnect waiting, by room and participant. */
    private final Map<String, Presence> present = new ConcurrentHashMap<>();

    /** One participant here: its joined sockets, and the disconnect waiting for the merge time (timer -1: none). */
    private static final class Presence {
        int sockets;
        long timer = -1;
        ParticipantDisconnected pending;
    }

    @Inject
    public SignalEvents(SessionEventPublisher publisher, Vertx vertx, SignalingConfig config) {
        this.publisher = publisher;
        this.vertx = vertx;
        this.config = config;
    }

    /**
     * A socket joined its room ({@code participant.connected}), unless the participant already has a socket here (a
     * replacement) or reconnects within the merge time.
     */
    public void connected(String roomId, String participantId, String role, boolean resumed) {
        boolean[] first = {false};
        present.compute(roomId + ' ' + participantId, (key, p) -> {
            Presence now = p == null ? new Presence() : p;
            first[0] = p == null;
            if (now.pending != null) {
                vertx.cancelTimer(now.timer);
                now.pending = null;
                now.timer = -1;
                Log.debugf("participant %s reconnected within %s: no session events", participantId,
                        config.reconnectMerge());
            }
            now.sockets++;
            return now;
        });
        if (first[0]) {
            publish(SessionEventType.PARTICIPANT_CONNECTED, roomId,
                    new ParticipantConnected(roomId, participantId, role, resumed, Instant.now()));
        }
    }

    /**
     * A socket that {@link #connected joined} closed ({@code participant.disconnected} once the participant has no
     * socket here).
     *
     * @param mayReturn the participant may reconnect (a drop, not a {@code bye}): published after the merge time,
     *                  and not at all if it reconnects here meanwhile
     */
    public void disconnected(String roomId, String participantId, String role, String reason, boolean mayReturn) {
        ParticipantDisconnected event = new ParticipantDisconnected(roomId, participantId, role, reason, Instant.now());
        boolean[] now = {false};
        present.computeIfPresent(roomId + ' ' + participantId, (key, p) -> {
            if (--p.sockets > 0) {
                return p;
            }
            if (!mayReturn) {
                now[0] = true;
                return null;
            }
            p.pending = event;
            p.timer = vertx.setTimer(Math.max(1, config.reconnectMerge().toMillis()), t -> due(key, t));
            return p;
        });
        if (now[0]) {
            publish(SessionEventType.PARTICIPANT_DISCONNECTED, roomId, event);
        }
    }

    /** A participant of another instance that stopped answering ({@code participant.disconnected}, at once). */
    public void instanceLost(String roomId, String participantId, String role) {
        publish(SessionEventType.PARTICIPANT_DISCONNECTED, roomId,
                new ParticipantDisconnected(roomId, participantId, role, ParticipantDisconnected.INSTANCE_LOST,
                        Instant.now()));
    }

    private void due(String key, long timer) {
        ParticipantDisconnected[] due = {null};
        present.computeIfPresent(key, (k, p) -> {
            if (p.timer != timer || p.pending == null) {
                return p;
            }
            due[0] = p.pending;
            return null;
        });
        if (due[0] != null) {
            publish(SessionEventType.PARTICIPANT_DISCONNECTED, due[0].roomId(), due[0]);
        }
    }

    /** Publishes the disconnects still waiting (the instance stops: nobody will reconnect here). */
    @PreDestroy
    void flush() {
        List<ParticipantDisconnected> due = new ArrayList<>();
        present.forEach((key, p) -> present.computeIfPresent(key, (k, waiting) -> {
            if (waiting.pending == null || !vertx.cancelTimer(waiting.timer)) {
                return waiting;
            }
            due.add(waiting.pending);
            return null;
        }));
        due.forEach(e -> publish(SessionEventType.PARTICIPANT_DISCONNECTED, e.roomId(), e));
    }

    /**
     * The participant is gone for good ({@code participant.left}); {@code reason} from {@link ParticipantLeft}. Called
     * only by the instance whose removal of the presence entry succeeded, so it is published once.
     */
    public void left(String roomId, String participantId, String role, String reason) {
        publish(SessionEventType.PARTICIPANT_LEFT, roomId,
                new ParticipantLeft(roomId, participantId, role, reason, Instant.now()));
    }

    /** The participant's client reported its share running ({@code share.started}); {@code role}: whose share. */
    public void shareStarted(String roomId, String participantId, String role) {
        publish(SessionEventType.SHARE_STARTED, roomId,
                new ShareStarted(roomId, participantId, Instant.now(), shareOf(role)));
    }

    /** A running share ended ({@code share.stopped}); {@code reason} from {@link ShareStopped}. */
    public void shareStopped(String roomId, String participantId, String role, String reason) {
        publish(SessionEventType.SHARE_STOPPED, roomId,
                new ShareStopped(roomId, participantId, reason, Instant.now(), shareOf(role)));
    }

    /**
     * The share a participant of {@code role} (claim value) shares, as the events name it ({@code shareId}): absent
     * for the customer's, so those events keep the previous release's shape and its consumers keep accepting them;
     * {@code agent} for the agent's (two-way sharing), which such a consumer could not tell apart and refuses.
     */
    private static String shareOf(String role) {
        try {
            String share = Shares.sharedBy(Role.fromClaim(role));
            return Shares.CUSTOMER.equals(share) ? null : share;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void publish(SessionEventType type, String roomId, Object data) {
        publisher.publish(type, roomId, data).subscribe().with(
                ok -> Log.debugf("published %s for room %s", type.type(), roomId),
                e -> Log.warnf("could not publish %s for room %s: %s", type.type(), roomId, e.getMessage()));
    }
}
