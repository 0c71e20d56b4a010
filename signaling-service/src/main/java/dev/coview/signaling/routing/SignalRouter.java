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
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Routes a room's signaling between its participants, wherever their sockets are: the one place for the rules of
 * presence, resume grace, share phase and departures. It works over this instance's routing table
 * ({@link LocalRooms}: a message for a socket here is delivered directly) and three parts that say where it runs
 * (after LiveKit, whose Redis router embeds its local one): who is in the room ({@link Presence}), how the instances
 * serving a room tell each other ({@link RoomBus}) and which instances are alive ({@link InstanceLiveness}). One
 * instance: {@link #inMemory}; any number: the Redis parts ({@link RouterProducer}), where a reconnect to any instance
 * resumes and a dead instance's members are removed by the survivors (each checks its rooms every
 * {@code presence-check}; the one that removes an entry tells the room {@code peer-left}). {@code participant.left}
 * is published by whichever instance's removal of the presence entry succeeded (bye, grace expiry, dead instance,
 * room end): once per departure, never guessed twice. Every method is non-blocking and may be called from an
 * event-loop thread.
 */
public final class SignalRouter {

    /** Whether a presence check is running (they do not overlap). */
    private final AtomicBoolean checking = new AtomicBoolean();
    private final LocalRooms local;
    private final SignalEvents events;
    private final Vertx vertx;
    private final Duration resumeGrace;
    private final Presence presence;
    private final RoomBus bus;
    private final InstanceLiveness liveness;
    private final HeldRooms held;
    private long heartbeatTimer = -1;
    private long checkTimer = -1;
    /** Read by every socket's close, on event loops; written once by {@link #stop}. */
    private volatile boolean stopped;

    public SignalRouter(LocalRooms local, SignalEvents events, Vertx vertx, Duration resumeGrace, Presence presence,
                        RoomBus bus, InstanceLiveness liveness) {
        this.local = local;
        this.events = events;
        this.vertx = vertx;
        this.resumeGrace = resumeGrace;
        this.presence = presence;
        this.bus = bus;
        this.liveness = liveness;
        this.held = new HeldRooms(local, presence, liveness);
        bus.listen(this::onRoomMessage);
    }

    /** A router for a lone instance: presence and bus in memory, no other instance to judge. */
    public static SignalRouter inMemory(LocalRooms local, SignalEvents events, Vertx vertx, Duration resumeGrace) {
        MemoryPresence presence = new MemoryPresence();
        return new SignalRouter(local, events, vertx, resumeGrace, presence, new MemoryRoomBus(presence),
                new SingleInstance());
    }

    /**
     * Announces this instance and keeps it announced (where rooms span instances): a heartbeat every
     * {@code heartbeat}, and every {@code check} a look for members of dead instances in the rooms served here.
     */
    public Uni<Void> start(Duration heartbeat, Duration check) {
        return liveness.beat().invoke(() -> {
            heartbeatTimer = vertx.setPeriodic(heartbeat.toMillis(), t -> held.heartbeat());
            checkTimer = vertx.setPeriodic(check.toMillis(), t -> checkRooms());
            Log.infof("signaling instance %s: heartbeat %s", liveness.instanceId(), heartbeat);
        });
    }

    /** Stops the timers and the bus. Presence is left to expire, so clients have the TTL to reconnect elsewhere. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        vertx.cancelTimer(heartbeatTimer);
        vertx.cancelTimer(checkTimer);
        bus.stop();
    }

    /**
     * Adds a socket to its room: sends it {@code welcome} (itself, the room's other participants) and tells the
     * others {@code peer-joined}. A socket of the same participant that is still open is closed with 4002
     * (replaced). Completes with whether the participant resumed an earlier session within the grace period.
     */
    public Uni<Boolean> join(Member member) {
        return join(member, resumed -> { });
    }

    /**
     * Joins as {@link #join(Member)} does, calling {@code beforeWelcome} (with whether it resumed) just before the
     * welcome goes out: what must happen before the client can act on its welcome (its {@code participant.connected}
     * event, which its first {@code share} would otherwise overtake in the room's partition).
     */
    public Uni<Boolean> join(Member member, Consumer<Boolean> beforeWelcome) {
        local.attach(member)
                .ifPresent(old -> old.socket().close(CloseCodes.REPLACED, "replaced by a newer connection"));
        held.hold(member.roomId(), member.id());
        return bus.subscribe(member.roomId())
                .chain(() -> presence.get(member.roomId(), member.id()))
                .chain(previous -> {
                    boolean resumed = previous != null;
                    PresenceEntry entry = new PresenceEntry(liveness.instanceId(), member.connectionId(),
                            member.participant().role().claimValue(), member.participant().name(),
                            resumed && previous.sharing(), resumed ? previous.sharePhase() : null, false);
                    return presence.put(member.roomId(), member.id(), entry).replaceWith(resumed);
                })
                .chain(resumed -> livePeers(member.roomId(), member.id())
                        // Welcome first: the others may answer peer-joined with an offer right away.
                        .invoke(peers -> beforeWelcome.accept(resumed))
                        .invoke(peers -> local.welcome(member, new Welcome(member.peer(),
                                peers.values().stream().map(PeerAt::peer).toList(), resumed), connections(peers),
                                followUps(peers)))
                        .chain(() -> bus.publish(member.roomId(),
                                new BusMessage.Joined(member.peer(), member.connectionId(), resumed,
                                        liveness.instanceId())))
                        .replaceWith(resumed));
    }

    /** A peer listed in a welcome, the socket it was listed with, whether that socket dropped, its share phase. */
    private record PeerAt(Peer peer, String connection, boolean away, String sharePhase) {
    }

    /** What the welcome's peers are as presence was read: who is away, where each is in sharing. */
    private static List<ServerSignal> followUps(Map<String, PeerAt> peers) {
        List<ServerSignal> followUps = new ArrayList<>();
        peers.values().stream().filter(PeerAt::away).forEach(p -> followUps.add(new PeerAway(p.peer().id())));
        peers.values().stream().filter(p -> p.sharePhase() != null)
                .forEach(p -> followUps.add(new PeerShare(p.peer().id(), p.sharePhase())));
        return followUps;
    }

    /** The room's other participants whose instance is alive, by id, in presence order. */
    private Uni<Map<String, PeerAt>> livePeers(String roomId, String self) {
        return presence.all(roomId).chain(entries -> liveness.dead(instances(entries)).map(dead -> {
            Map<String, PeerAt> live = new LinkedHashMap<>();
            entries.forEach((id, entry) -> {
                if (!id.equals(self) && !dead.contains(entry.instance())) {
                    live.put(id, new PeerAt(entry.peer(id), entry.connection(), entry.away(), entry.sharePhase()));
                }
            });
            return live;
        }));
    }

    private static Set<String> instances(Map<String, PresenceEntry> entries) {
        return entries.values().stream().map(PresenceEntry::instance).collect(Collectors.toSet());
    }

    private static Map<String, String> connections(Map<String, PeerAt> peers) {
        Map<String, String> connections = new HashMap<>();
        peers.forEach((id, at) -> connections.put(id, at.connection()));
        return connections;
    }

    /**
     * Delivers a message to its addressee in the sender's room, stamped with the sender's id. Completes with
     * {@code false} when the addressee is not a participant of that room (nothing is delivered then).
     */
    public Future<Boolean> relay(Member from, Relayed message) {
        if (message.to().equals(from.id())) {
            return Future.succeededFuture(false);
        }
        if (deliverHere(from, message)) {
            return Future.succeededFuture(true);
        }
        return bus.relay(from.roomId(), message.withFrom(from.id()));
    }

    /**
     * Whether a failed {@link #relay} failed because this instance's Redis connection had more commands waiting than
     * it may queue (the instance is behind its load), rather than because Redis failed.
     */
    public static boolean fellBehind(Throwable failure) {
        return ChannelPublisher.behind(failure);
    }

    /**
     * Delivers a message, stamped with the sender's id, if its addressee's socket is on this instance (not the sender
     * itself); returns whether it was. Synchronous: the caller that handles its answer at once needs no {@link Uni}
     * per message (the relay's hot path when both peers of a room are here). Otherwise use {@link #relay}.
     */
    public boolean deliverHere(Member from, Relayed message) {
        return !message.to().equals(from.id()) && local.deliver(from.roomId(), message.to(), message, from.id());
    }

    /**
     * Records the member's share as its client reported it and, when its phase changed, tells the room's other
     * participants ({@code peer-share}, wherever their sockets are). Completes with whether {@code active} changed
     * (the caller publishes {@code share.started} / {@code share.stopped}).
     */
    public Uni<Boolean> share(Member member, Share share) {
        String phase = share.effectivePhase();
        return presence.get(member.roomId(), member.id()).chain(entry -> {
            if (entry == null || !entry.connection().equals(member.connectionId())
                    || entry.sharing() == share.active() && phase.equals(entry.sharePhase())) {
                return Uni.createFrom().item(false);
            }
            boolean activeChanged = entry.sharing() != share.active();
            boolean phaseChanged = !phase.equals(entry.sharePhase());
            // Presence first: a peer that joins after the news is published reads the new phase in its welcome.
            return presence.put(member.roomId(), member.id(), entry.withShare(share.active(), phase))
                    .chain(() -> phaseChanged
                            ? bus.publish(member.roomId(), new BusMessage.Shared(member.id(), phase))
                            : Uni.createFrom().voidItem())
                    .replaceWith(activeChanged);
        });
    }

    /** Removes a closed socket; what the room is told depends on {@code why}. */
    public Uni<Void> leave(Member member, Departure why) {
        String roomId = member.roomId();
        boolean detached = local.detach(member);
        if (stopped) {
            // The instance is shutting down and closes every socket: presence is left to expire (see stop), so that
            // the participant resumes on another instance within the grace period. Writing "away" (or unsubscribing
            // the stopped bus) now would fail on the closing Redis client, one warning per socket.
            return Uni.createFrom().voidItem();
        }
        bus.unsubscribeIf(roomId, r -> !local.has(r));
        if (!detached || why == Departure.REPLACED) {
            held.releaseIfGone(roomId, member.id());
            return Uni.createFrom().voidItem();
        }
        if (why.isFinal()) {
            return removeIfCurrent(member).chain(gone -> {
                held.release(roomId, member.id());
                if (gone == null) {
                    return Uni.createFrom().voidItem();
                }
                stopShare(roomId, member.id(), gone,
                        why == Departure.ROOM_ENDED ? ShareStopped.ROOM_ENDED : ShareStopped.LEFT);
                events.left(roomId, member.id(), gone.role(), why.leftReason());
                return why == Departure.BYE || why == Departure.REMOVED
                        ? bus.publish(roomId, new BusMessage.Left(member.id(), PeerLeft.LEFT))
                        : Uni.createFrom().voidItem();
            });
        }
        return presence.get(roomId, member.id()).chain(entry -> {
            if (entry == null || !entry.connection().equals(member.connectionId())) {
                return Uni.createFrom().voidItem();
            }
            vertx.setTimer(Math.max(1, resumeGrace.toMillis()), t -> graceOver(member));
            // The others hear at once that the socket dropped, not only when the grace period ends.
            return presence.put(roomId, member.id(), entry.asAway())
                    .chain(() -> bus.publish(roomId, new BusMessage.Away(member.id(), member.connectionId())));
        });
    }

    /** The resume grace period of a dropped socket ended: unless the participant came back, it is lost. */
    private void graceOver(Member member) {
        String roomId = member.roomId();
        presence.get(roomId, member.id())
                .chain(entry -> entry != null && entry.away() && entry.connection().equals(member.connectionId())
                        ? presence.remove(roomId, member.id()).map(removed -> removed ? entry : null)
                        : Uni.createFrom().nullItem())
                .chain(gone -> {
                    held.releaseIfGone(roomId, member.id());
                    if (gone == null) {
                        return Uni.createFrom().voidItem();
                    }
                    stopShare(roomId, member.id(), gone, ShareStopped.LEFT);
                    events.left(roomId, member.id(), gone.role(), ParticipantLeft.LOST);
                    return bus.publish(roomId, new BusMessage.Left(member.id(), PeerLeft.LOST));
                })
                .subscribe().with(ok -> { }, e -> Log.warnf("grace period of %s in room %s: %s", member.id(),
                        roomId, e.getMessage()));
    }

    private Uni<PresenceEntry> removeIfCurrent(Member member) {
        return presence.get(member.roomId(), member.id()).chain(entry ->
                entry != null && entry.connection().equals(member.connectionId())
                        ? presence.remove(member.roomId(), member.id()).map(removed -> removed ? entry : null)
                        : Uni.createFrom().nullItem());
    }

    /**
     * Closes every socket of the room on this instance with 4000 (room ended), the reason saying why
     * ({@code room.ended}'s reason, or null when unknown), so the pages can tell the person.
     */
    public void endRoom(String roomId, String reason) {
        local.endRoom(roomId, reason);
    }

    /** Room ids with a socket on this instance. */
    public Set<String> localRooms() {
        return local.roomIds();
    }

    private void onRoomMessage(String roomId, BusMessage message) {
        if (message instanceof BusMessage.Deliver d) {
            local.deliverJson(roomId, d.to(), d.json());
        } else if (message instanceof BusMessage.Joined j) {
            // The participant reconnected through another instance: this socket is stale. A join through this
            // instance already replaced any older socket here (LocalRooms.attach), and its news may arrive after
            // a still newer socket attached: acting on it would close the newest socket instead of the stale one.
            if (!liveness.instanceId().equals(j.instance())) {
                local.find(roomId, j.peer().id()).filter(m -> !m.connectionId().equals(j.connection()))
                        .ifPresent(m -> m.socket().close(CloseCodes.REPLACED, "replaced by a newer connection"));
            }
            local.announceJoined(roomId, j.peer(), j.connection(), j.resumed());
        } else if (message instanceof BusMessage.Away a) {
            local.announceAway(roomId, a.id(), a.connection());
        } else if (message instanceof BusMessage.Left l) {
            local.announceLeft(roomId, new PeerLeft(l.id(), l.reason()));
        } else if (message instanceof BusMessage.Shared s) {
            local.announceShare(roomId, new PeerShare(s.id(), s.phase()));
        }
    }

    /**
     * Removes the members of dead instances from the rooms this instance serves, one room after the other. Read all
     * at once, the rooms' presence hashes (one round trip each) came back together and were decoded in one go on
     * the Redis connection's event loop, which also serves sockets: at 200 rooms a stall of several milliseconds
     * every check, the largest share of the relay's p99 in the pinned bench (bench/results/TUNING-tail.md). One at a
     * time, each answer is a small task between the sockets' messages. A check still running when the next is due
     * lets it pass.
     */
    private void checkRooms() {
        if (!liveness.mayJudgeOthers() || !checking.compareAndSet(false, true)) {
            return;
        }
        Multi.createFrom().iterable(local.roomIds())
                .onItem().transformToUniAndConcatenate(roomId -> checkRoom(roomId).onFailure().recoverWithUni(e -> {
                    Log.warnf("presence check of room %s failed: %s", roomId, e.getMessage());
                    return Uni.createFrom().voidItem();
                }))
                .collect().last()
                .eventually(() -> checking.set(false))
                .subscribe().with(ok -> { }, e -> Log.warnf("presence check failed: %s", e.getMessage()));
    }

    private Uni<Void> checkRoom(String roomId) {
        return presence.all(roomId)
                .chain(entries -> liveness.dead(instances(entries)).chain(dead -> Multi.createFrom()
                        .iterable(entries.entrySet())
                        .filter(e -> dead.contains(e.getValue().instance()))
                        .onItem().transformToUniAndConcatenate(e -> removeLost(roomId, e.getKey(), e.getValue()))
                        .collect().last()))
                .replaceWithVoid();
    }

    private Uni<Void> removeLost(String roomId, String participantId, PresenceEntry entry) {
        return presence.remove(roomId, participantId).chain(removed -> {
            if (!removed) {
                return Uni.createFrom().voidItem();
            }
            Log.infof("participant %s of room %s was on instance %s, which stopped answering", participantId, roomId,
                    entry.instance());
            if (!entry.away()) {
                events.instanceLost(roomId, participantId, entry.role());
            }
            stopShare(roomId, participantId, entry, ShareStopped.LEFT);
            events.left(roomId, participantId, entry.role(), ParticipantLeft.LOST);
            return bus.publish(roomId, new BusMessage.Left(participantId, PeerLeft.LOST));
        });
    }

    private void stopShare(String roomId, String participantId, PresenceEntry gone, String reason) {
        if (gone.sharing()) {
            events.shareStopped(roomId, participantId, gone.role(), reason);
        }
    }
}
