package dev.coview.signaling.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
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
import dev.coview.signaling.config.SignalingConfig;
import dev.coview.signaling.events.SignalEvents;
import dev.coview.support.tracing.Traces;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signaling across instances (after LiveKit's Redis router), built on this instance's routing table
 * ({@link LocalRooms}): a message for a socket here is delivered directly; one for a socket on another instance goes
 * through the room's channel, to which every instance holding a socket of the room is subscribed. Presence lives in
 * Redis ({@link RedisPresence}) so that {@code welcome} lists the whole room, a reconnect to any instance resumes,
 * and a dead instance's members are removed by the survivors (the instance's liveness key expires after the
 * presence TTL; each survivor checks its rooms every {@code presence-check} and the one that removes an entry tells
 * the room {@code peer-left}). {@code participant.left} is published by whichever instance's {@code HDEL} of the
 * presence entry succeeded (bye, grace expiry, dead instance, room end): once per departure, never guessed twice.
 */
public class RedisSignalRouter implements SignalRouter {

    private final LocalRooms local;
    private final SignalEvents events;
    private final SignalingConfig config;
    private final Vertx vertx;
    private final RedisPresence presence;
    private final RoomChannels channels;
    private final ObjectWriter signalWriter;
    /** Room → participants whose presence entry this instance maintains (connected here, or away from here). */
    private final Map<String, Set<String>> owned = new ConcurrentHashMap<>();
    private long heartbeatTimer = -1;
    /** When the last heartbeat reached Redis ({@link System#nanoTime()}). */
    private volatile long lastHeartbeat = System.nanoTime();
    /**
     * Until when no other instance may be judged dead. After this instance could not reach Redis, every instance's
     * liveness key may have expired meanwhile (Redis frozen or restarted): each needs up to a heartbeat to come back,
     * and removing their members first would drop live participants for good.
     */
    private volatile long judgeNotBefore = System.nanoTime();
    private long checkTimer = -1;
    private boolean stopped;

    public RedisSignalRouter(LocalRooms local, SignalEvents events, SignalingConfig config, Vertx vertx,
                             ReactiveRedisDataSource redis, ObjectMapper mapper, Traces traces) {
        this.local = local;
        this.events = events;
        this.config = config;
        this.vertx = vertx;
        this.presence = new RedisPresence(redis, mapper, UUID.randomUUID().toString(), config.presenceTtl());
        this.channels = new RoomChannels(redis, mapper, this::onRoomMessage, traces);
        this.signalWriter = mapper.writerFor(ServerSignal.class);
    }

    /** Announces this instance and starts the heartbeat and the stale-presence check. */
    public Uni<Void> start() {
        return presence.heartbeat().invoke(() -> {
            heartbeatTimer = vertx.setPeriodic(config.heartbeat().toMillis(), t -> heartbeat());
            checkTimer = vertx.setPeriodic(config.presenceCheck().toMillis(), t -> checkRooms());
            Log.infof("signaling instance %s: presence in Redis, heartbeat %s, TTL %s", presence.instanceId(),
                    config.heartbeat(), config.presenceTtl());
        });
    }

    /** Stops the timers. The liveness key is left to expire, so clients have the TTL to reconnect elsewhere. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        vertx.cancelTimer(heartbeatTimer);
        vertx.cancelTimer(checkTimer);
        channels.stop();
    }

    @Override
    public Uni<Boolean> join(Member member) {
        local.attach(member).ifPresent(old -> old.socket().close(CloseCodes.REPLACED, "replaced by a newer connection"));
        own(member.roomId(), member.id());
        return channels.subscribe(member.roomId())
                .chain(() -> presence.get(member.roomId(), member.id()))
                .chain(previous -> {
                    boolean resumed = previous != null;
                    PresenceEntry entry = new PresenceEntry(presence.instanceId(), member.connectionId(),
                            member.participant().role().claimValue(), member.participant().name(),
                            resumed && previous.sharing(), resumed ? previous.sharePhase() : null, false);
                    return presence.put(member.roomId(), member.id(), entry).replaceWith(resumed);
                })
                .chain(resumed -> livePeers(member.roomId(), member.id())
                        // Welcome first: the others may answer peer-joined with an offer right away.
                        .invoke(peers -> local.welcome(member, new Welcome(member.peer(),
                                peers.values().stream().map(PeerAt::peer).toList(), resumed), connections(peers),
                                followUps(peers)))
                        .chain(() -> channels.publish(member.roomId(),
                                new RoomBus.Joined(member.peer(), member.connectionId(), resumed,
                                        presence.instanceId())))
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
        return presence.all(roomId).chain(entries -> presence.deadInstances(entries).map(dead -> {
            Map<String, PeerAt> live = new LinkedHashMap<>();
            entries.forEach((id, entry) -> {
                if (!id.equals(self) && !dead.contains(entry.instance())) {
                    live.put(id, new PeerAt(entry.peer(id), entry.connection(), entry.away(), entry.sharePhase()));
                }
            });
            return live;
        }));
    }

    private static Map<String, String> connections(Map<String, PeerAt> peers) {
        Map<String, String> connections = new HashMap<>();
        peers.forEach((id, at) -> connections.put(id, at.connection()));
        return connections;
    }

    @Override
    public Uni<Boolean> relay(Member from, Relayed message) {
        String to = message.to();
        if (to.equals(from.id())) {
            return Uni.createFrom().item(false);
        }
        Relayed stamped = message.withFrom(from.id());
        if (local.deliver(from.roomId(), to, stamped)) {
            return Uni.createFrom().item(true);
        }
        // Serialized once, here; the instance holding the addressee's socket forwards this text as it is.
        String json;
        try {
            json = signalWriter.writeValueAsString(stamped);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        // Published only if the addressee has a presence entry in the sender's room (one Redis round trip): a
        // participant of another room is never found, never reached. An addressee within its grace period has no
        // socket anywhere, so no instance delivers it: dropped; the resumed peer's ICE restart renegotiates.
        return channels.relay(from.roomId(), to, json);
    }

    @Override
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
                            ? channels.publish(member.roomId(), new RoomBus.Shared(member.id(), phase))
                            : Uni.createFrom().voidItem())
                    .replaceWith(activeChanged);
        });
    }

    @Override
    public Uni<Void> leave(Member member, Departure why) {
        String roomId = member.roomId();
        boolean detached = local.detach(member);
        channels.unsubscribeIf(roomId, r -> !local.has(r));
        if (!detached || why == Departure.REPLACED) {
            if (local.find(roomId, member.id()).isEmpty()) {
                disown(roomId, member.id());
            }
            return Uni.createFrom().voidItem();
        }
        if (why.isFinal()) {
            return removeIfCurrent(member).chain(gone -> {
                disown(roomId, member.id());
                if (gone == null) {
                    return Uni.createFrom().voidItem();
                }
                stopShare(roomId, member.id(), gone,
                        why == Departure.ROOM_ENDED ? ShareStopped.ROOM_ENDED : ShareStopped.LEFT);
                events.left(roomId, member.id(), gone.role(), why.leftReason());
                return why == Departure.BYE || why == Departure.REMOVED
                        ? channels.publish(roomId, new RoomBus.Left(member.id(), PeerLeft.LEFT))
                        : Uni.createFrom().voidItem();
            });
        }
        return presence.get(roomId, member.id()).chain(entry -> {
            if (entry == null || !entry.connection().equals(member.connectionId())) {
                return Uni.createFrom().voidItem();
            }
            vertx.setTimer(Math.max(1, config.resumeGrace().toMillis()), t -> graceOver(member));
            // The others hear at once that the socket dropped, not only when the grace period ends.
            return presence.put(roomId, member.id(), entry.asAway())
                    .chain(() -> channels.publish(roomId, new RoomBus.Away(member.id(), member.connectionId())));
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
                    if (local.find(roomId, member.id()).isEmpty()) {
                        disown(roomId, member.id());
                    }
                    if (gone == null) {
                        return Uni.createFrom().voidItem();
                    }
                    stopShare(roomId, member.id(), gone, ShareStopped.LEFT);
                    events.left(roomId, member.id(), gone.role(), ParticipantLeft.LOST);
                    return channels.publish(roomId, new RoomBus.Left(member.id(), PeerLeft.LOST));
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

    private void onRoomMessage(String roomId, RoomBus message) {
        if (message instanceof RoomBus.Deliver d) {
            local.deliverJson(roomId, d.to(), d.json());
        } else if (message instanceof RoomBus.Joined j) {
            // The participant reconnected through another instance: this socket is stale. A join through this
            // instance already replaced any older socket here (LocalRooms.attach), and its news may arrive after
            // a still newer socket attached: acting on it would close the newest socket instead of the stale one.
            if (!presence.instanceId().equals(j.instance())) {
                local.find(roomId, j.peer().id()).filter(m -> !m.connectionId().equals(j.connection()))
                        .ifPresent(m -> m.socket().close(CloseCodes.REPLACED, "replaced by a newer connection"));
            }
            local.announceJoined(roomId, j.peer(), j.connection(), j.resumed());
        } else if (message instanceof RoomBus.Away a) {
            local.announceAway(roomId, a.id(), a.connection());
        } else if (message instanceof RoomBus.Left l) {
            local.announceLeft(roomId, new PeerLeft(l.id(), l.reason()));
        } else if (message instanceof RoomBus.Shared s) {
            local.announceShare(roomId, new PeerShare(s.id(), s.phase()));
        }
    }

    private void heartbeat() {
        Set<String> rooms = new java.util.HashSet<>(owned.keySet());
        rooms.addAll(local.roomIds());
        presence.heartbeat()
                .invoke(this::heartbeatReached)
                .chain(() -> Multi.createFrom().iterable(rooms).onItem().transformToUniAndConcatenate(presence::touch)
                        .collect().last())
                .subscribe().with(ok -> { }, e -> {
                    Log.warnf("presence heartbeat failed: %s", e.getMessage());
                    judgeNotBefore = System.nanoTime() + config.presenceTtl().toNanos();
                });
    }

    private void heartbeatReached() {
        long now = System.nanoTime();
        if (now - lastHeartbeat > 2 * config.heartbeat().toNanos()) {
            // Redis did not answer for a while: give every instance a full TTL to re-announce itself.
            judgeNotBefore = now + config.presenceTtl().toNanos();
        }
        lastHeartbeat = now;
    }

    /** Whether Redis has answered this instance's heartbeats steadily long enough to judge other instances. */
    private boolean mayJudgeOthers() {
        long now = System.nanoTime();
        return now >= judgeNotBefore && now - lastHeartbeat <= 2 * config.heartbeat().toNanos();
    }

    /** Removes the members of dead instances from the rooms this instance serves. */
    private void checkRooms() {
        if (!mayJudgeOthers()) {
            return;
        }
        for (String roomId : local.roomIds()) {
            presence.all(roomId)
                    .chain(entries -> presence.deadInstances(entries).chain(dead -> Multi.createFrom()
                            .iterable(entries.entrySet())
                            .filter(e -> dead.contains(e.getValue().instance()))
                            .onItem().transformToUniAndConcatenate(e -> removeLost(roomId, e.getKey(), e.getValue()))
                            .collect().last()))
                    .subscribe().with(ok -> { }, e -> Log.warnf("presence check of room %s failed: %s", roomId,
                            e.getMessage()));
        }
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
            return channels.publish(roomId, new RoomBus.Left(participantId, PeerLeft.LOST));
        });
    }

    private void stopShare(String roomId, String participantId, PresenceEntry gone, String reason) {
        if (gone.sharing()) {
            events.shareStopped(roomId, participantId, gone.role(), reason);
        }
    }

    private void own(String roomId, String participantId) {
        owned.computeIfAbsent(roomId, r -> ConcurrentHashMap.newKeySet()).add(participantId);
    }

    private void disown(String roomId, String participantId) {
        owned.computeIfPresent(roomId, (r, ids) -> {
            ids.remove(participantId);
            return ids.isEmpty() ? null : ids;
        });
    }
}
