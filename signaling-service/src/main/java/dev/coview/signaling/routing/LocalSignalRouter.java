package dev.coview.signaling.routing;

import dev.coview.contracts.events.ParticipantLeft;
import dev.coview.contracts.events.ShareStopped;
import dev.coview.contracts.signal.Peer;
import dev.coview.contracts.signal.PeerAway;
import dev.coview.contracts.signal.PeerLeft;
import dev.coview.contracts.signal.PeerShare;
import dev.coview.contracts.signal.Relayed;
import dev.coview.contracts.signal.ServerSignal;
import dev.coview.contracts.signal.Share;
import dev.coview.contracts.signal.Welcome;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.signaling.events.SignalEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signaling for a single instance: presence lives in memory next to the routing table ({@link LocalRooms}), so a
 * room cannot span instances. Useful where one instance is enough (and as the reference behaviour the
 * {@link RedisSignalRouter} reproduces across instances).
 */
public class LocalSignalRouter implements SignalRouter {

    /** A participant of a room: connected, or away within its resume grace period. */
    private static final class Presence {
        final Peer peer;
        String connectionId;
        boolean sharing;
        /** The share phase its client last reported; null: none yet. */
        String sharePhase;
        boolean away;

        Presence(Peer peer, String connectionId) {
            this.peer = peer;
            this.connectionId = connectionId;
        }
    }

    private final LocalRooms local;
    private final SignalEvents events;
    private final Vertx vertx;
    private final Duration resumeGrace;
    private final Map<String, Map<String, Presence>> presence = new ConcurrentHashMap<>();

    public LocalSignalRouter(LocalRooms local, SignalEvents events, Vertx vertx, Duration resumeGrace) {
        this.local = local;
        this.events = events;
        this.vertx = vertx;
        this.resumeGrace = resumeGrace;
    }

    @Override
    public Uni<Boolean> join(Member member) {
        local.attach(member).ifPresent(old -> old.socket().close(CloseCodes.REPLACED, "replaced by a newer connection"));
        Map<String, Presence> room = presence.computeIfAbsent(member.roomId(), r -> new ConcurrentHashMap<>());
        boolean resumed;
        List<Peer> peers = new ArrayList<>();
        List<ServerSignal> followUps = new ArrayList<>();
        Map<String, String> connections = new HashMap<>();
        synchronized (room) {
            Presence p = room.get(member.id());
            resumed = p != null;
            if (p == null) {
                p = new Presence(member.peer(), member.connectionId());
                room.put(member.id(), p);
            }
            p.connectionId = member.connectionId();
            p.away = false;
            room.forEach((id, other) -> {
                if (!id.equals(member.id())) {
                    peers.add(other.peer);
                    connections.put(id, other.connectionId);
                    if (other.away) {
                        followUps.add(new PeerAway(id));
                    }
                    if (other.sharePhase != null) {
                        followUps.add(new PeerShare(id, other.sharePhase));
                    }
                }
            });
        }
        local.welcome(member, new Welcome(member.peer(), peers, resumed), connections, followUps);
        local.announceJoined(member.roomId(), member.peer(), member.connectionId(), resumed);
        return Uni.createFrom().item(resumed);
    }

    @Override
    public Uni<Boolean> relay(Member from, Relayed message) {
        Map<String, Presence> room = presence.get(from.roomId());
        if (message.to().equals(from.id()) || room == null || !room.containsKey(message.to())) {
            return Uni.createFrom().item(false);
        }
        // An addressee within its grace period has no socket: the message is dropped, and the resumed peer's
        // ICE restart renegotiates anyway.
        local.deliver(from.roomId(), message.to(), message.withFrom(from.id()));
        return Uni.createFrom().item(true);
    }

    @Override
    public Uni<Boolean> share(Member member, Share share) {
        Map<String, Presence> room = presence.get(member.roomId());
        if (room == null) {
            return Uni.createFrom().item(false);
        }
        String phase = share.effectivePhase();
        boolean activeChanged;
        boolean phaseChanged;
        synchronized (room) {
            Presence p = room.get(member.id());
            if (p == null) {
                return Uni.createFrom().item(false);
            }
            activeChanged = p.sharing != share.active();
            phaseChanged = !phase.equals(p.sharePhase);
            p.sharing = share.active();
            p.sharePhase = phase;
        }
        if (phaseChanged) {
            local.announceShare(member.roomId(), new PeerShare(member.id(), phase));
        }
        return Uni.createFrom().item(activeChanged);
    }

    @Override
    public Uni<Void> leave(Member member, Departure why) {
        if (!local.detach(member) || why == Departure.REPLACED) {
            return Uni.createFrom().voidItem();
        }
        if (why.isFinal()) {
            Presence gone = remove(member.roomId(), member.id(), member.connectionId(), false);
            if (gone != null && (why == Departure.BYE || why == Departure.REMOVED)) {
                local.announceLeft(member.roomId(), new PeerLeft(member.id(), PeerLeft.LEFT));
            }
            stopShare(member.roomId(), member.id(), gone,
                    why == Departure.ROOM_ENDED ? ShareStopped.ROOM_ENDED : ShareStopped.LEFT);
            if (gone != null) {
                events.left(member.roomId(), member.id(), member.participant().role().claimValue(),
                        why.leftReason());
            }
            return Uni.createFrom().voidItem();
        }
        Map<String, Presence> room = presence.get(member.roomId());
        if (room != null) {
            synchronized (room) {
                Presence p = room.get(member.id());
                if (p != null && p.connectionId.equals(member.connectionId())) {
                    p.away = true;
                }
            }
        }
        // The others hear at once that the socket dropped, not only when the grace period ends.
        local.announceAway(member.roomId(), member.id(), member.connectionId());
        vertx.setTimer(Math.max(1, resumeGrace.toMillis()), t -> {
            Presence gone = remove(member.roomId(), member.id(), member.connectionId(), true);
            if (gone != null) {
                local.announceLeft(member.roomId(), new PeerLeft(member.id(), PeerLeft.LOST));
                stopShare(member.roomId(), member.id(), gone, ShareStopped.LEFT);
                events.left(member.roomId(), member.id(), member.participant().role().claimValue(),
                        ParticipantLeft.LOST);
            }
        });
        return Uni.createFrom().voidItem();
    }

    private Presence remove(String roomId, String participantId, String connectionId, boolean onlyIfAway) {
        Presence[] removed = new Presence[1];
        presence.computeIfPresent(roomId, (r, room) -> {
            synchronized (room) {
                Presence p = room.get(participantId);
                if (p != null && p.connectionId.equals(connectionId) && (!onlyIfAway || p.away)) {
                    room.remove(participantId);
                    removed[0] = p;
                }
                return room.isEmpty() ? null : room;
            }
        });
        return removed[0];
    }

    private void stopShare(String roomId, String participantId, Presence gone, String reason) {
        if (gone != null && gone.sharing) {
            events.shareStopped(roomId, participantId, gone.peer.role(), reason);
        }
    }

    @Override
    public void endRoom(String roomId, String reason) {
        local.endRoom(roomId, reason);
    }

    @Override
    public void removeParticipant(String roomId, String participantId) {
        local.removeParticipant(roomId, participantId);
    }

    @Override
    public Set<String> localRooms() {
        return local.roomIds();
    }
}
