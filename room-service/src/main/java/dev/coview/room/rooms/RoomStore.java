package dev.coview.room.rooms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.redis.RedisKeys;
import dev.coview.support.events.RoomLabels;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Rooms in Redis: the hash {@code room:{id}}, the participants hash {@code room:{id}:participants}, the labels hash
 * {@code room-ref:{id}} and the idle-expiry index {@code rooms-by-expiry} (see {@link RedisKeys}). The hashes
 * outlive the room's idle expiry by
 * {@link #GRACE}, so that the expiry sweep and a late {@code GET} still find what expired.
 *
 * <p>Writes that go together (a new room, a join, a touch) go to Redis as one pipelined batch: one round trip and
 * one pooled connection instead of one per command, which is what made room creation slow under load (the pool's
 * few connections, each held for a round trip, queued the requests). A batch is not atomic, no more than the
 * commands one after the other were; each write is idempotent.
 */
@ApplicationScoped
public class RoomStore {

    /** How long a room's hashes stay after its idle expiry. */
    static final Duration GRACE = Duration.ofHours(1);

    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveKeyCommands<String> keys;
    private final ReactiveSortedSetCommands<String, String> sortedSets;
    private final ObjectMapper mapper;
    private final Redis redis;

    public RoomStore(ReactiveRedisDataSource redis, ObjectMapper mapper) {
        this.redis = redis.getRedis();
        this.hashes = redis.hash(String.class);
        this.keys = redis.key();
        this.sortedSets = redis.sortedSet(String.class);
        this.mapper = mapper;
    }

    /**
     * Stores a new room with its agent and its labels (for every service's event publisher, {@code room-ref:{id}})
     * and schedules its idle expiry.
     */
    public Uni<Void> create(RoomRecord room, ParticipantRecord agent, RoomLabels labels) {
        Request hset = Request.cmd(Command.HSET).arg(RoomServiceKeys.room(room.id()));
        room.toHash().forEach((field, value) -> hset.arg(field).arg(value));
        List<Request> batch = new ArrayList<>();
        batch.add(hset);
        if (!labels.isEmpty()) {
            Request ref = Request.cmd(Command.HSET).arg(RedisKeys.roomRef(room.id()));
            labels.toHash(mapper).forEach((field, value) -> ref.arg(field).arg(value));
            batch.add(ref);
        }
        batch.add(participant(room.id(), agent));
        batch.add(Request.cmd(Command.ZADD).arg(RoomServiceKeys.ROOMS_BY_EXPIRY).arg(room.expiresAt().toEpochMilli())
                .arg(room.id()));
        batch.addAll(keepUntil(room.id(), room.expiresAt()));
        return send(batch);
    }

    /** Records a participant who just joined and counts the join as activity ({@link #touch}), in one batch. */
    public Uni<Void> admit(String roomId, ParticipantRecord participant, Instant expiresAt) {
        List<Request> batch = new ArrayList<>();
        batch.add(participant(roomId, participant));
        batch.addAll(touching(roomId, expiresAt, true));
        return send(batch);
    }

    /** The room, or {@code null} when there is no such room (never created, or long gone). */
    public Uni<RoomRecord> find(String roomId) {
        return hashes.hgetall(RoomServiceKeys.room(roomId))
                .map(h -> h == null || h.isEmpty() || !h.containsKey(RoomRecord.CREATED_AT)
                        ? null : RoomRecord.fromHash(roomId, h));
    }

    /** Everyone who was issued a token for the room, in the order they joined. */
    public Uni<List<ParticipantRecord>> participants(String roomId) {
        return hashes.hgetall(RoomServiceKeys.participants(roomId))
                .map(h -> h.values().stream().map(this::read)
                        .sorted(Comparator.comparing(ParticipantRecord::joinedAt))
                        .toList());
    }

    /** One participant of the room, or {@code null} when the room never issued them a token. */
    public Uni<ParticipantRecord> participant(String roomId, String participantId) {
        return hashes.hget(RoomServiceKeys.participants(roomId), participantId).map(json -> json == null ? null : read(json));
    }

    /** Records a participant (the hash keeps the room's lifetime, set by {@link #keepUntil}). */
    public Uni<Void> addParticipant(String roomId, ParticipantRecord participant) {
        return hashes.hset(RoomServiceKeys.participants(roomId), participant.id(), write(participant)).replaceWithVoid();
    }

    /**
     * Makes {@code customerId} the room's one customer. Atomic across instances: exactly one of two concurrent
     * joins (say one by code, one by invite) wins.
     */
    public Uni<Boolean> claimCustomer(String roomId, String customerId) {
        return hashes.hsetnx(RoomServiceKeys.room(roomId), RoomRecord.CUSTOMER_ID, customerId);
    }

    /** Pushes the room's idle expiry to {@code expiresAt}; a room that has already left the index stays out. */
    public Uni<Void> touch(String roomId, Instant expiresAt) {
        return send(touching(roomId, expiresAt, true));
    }

    /**
     * Puts a room the sweep had claimed (and so removed from the index) back with a new deadline. Unlike
     * {@link #touch}, which must not resurrect a room that left the index, this adds it unconditionally.
     */
    public Uni<Void> reschedule(String roomId, Instant expiresAt) {
        return send(touching(roomId, expiresAt, false));
    }

    /**
     * Whether anyone is in the room's signaling right now: a signaling instance's claim in the room's
     * {@code room-active} set that has not lapsed ({@link RedisKeys#ROOM_ACTIVE}; a dead instance's lapses within
     * the presence TTL). A session that only talks over WebSockets never calls room-service, yet is not idle.
     */
    public Uni<Boolean> connected(String roomId) {
        return sortedSets.zcount(RedisKeys.roomActive(roomId),
                        new ScoreRange<>((double) System.currentTimeMillis(), Double.POSITIVE_INFINITY))
                .map(n -> n != null && n > 0);
    }

    /** Records the end of the room and takes it out of the expiry index. */
    public Uni<Void> end(String roomId, Instant endedAt) {
        return hashes.hset(RoomServiceKeys.room(roomId), RoomRecord.ENDED_AT, Long.toString(endedAt.toEpochMilli()))
                .chain(() -> sortedSets.zrem(RoomServiceKeys.ROOMS_BY_EXPIRY, roomId))
                .replaceWithVoid();
    }

    /** Up to {@code max} room ids whose idle expiry is at or before {@code now}, with their deadline. */
    public Uni<Map<String, Instant>> dueForExpiry(Instant now, int max) {
        return sortedSets.zrangebyscoreWithScores(RoomServiceKeys.ROOMS_BY_EXPIRY,
                        new ScoreRange<>(Double.NEGATIVE_INFINITY, (double) now.toEpochMilli()),
                        new ZRangeArgs().limit(0, max))
                .map(list -> {
                    Map<String, Instant> due = new java.util.LinkedHashMap<>();
                    list.forEach(sv -> due.put(sv.value(), Instant.ofEpochMilli((long) sv.score())));
                    return due;
                });
    }

    /**
     * Takes the room out of the expiry index; {@code true} for the one caller (of all instances) that did, which
     * then owns ending it.
     */
    public Uni<Boolean> claimExpiry(String roomId) {
        return sortedSets.zrem(RoomServiceKeys.ROOMS_BY_EXPIRY, roomId).map(removed -> removed == 1);
    }

    /**
     * The new idle deadline: in the room's hash, in the expiry index (with {@code onlyIfIndexed}, only if the room is
     * still there: a room the sweep took out stays out), and as the lifetime of both hashes.
     */
    private List<Request> touching(String roomId, Instant expiresAt, boolean onlyIfIndexed) {
        List<Request> batch = new ArrayList<>();
        batch.add(Request.cmd(Command.HSET).arg(RoomServiceKeys.room(roomId)).arg(RoomRecord.EXPIRES_AT)
                .arg(Long.toString(expiresAt.toEpochMilli())));
        Request zadd = Request.cmd(Command.ZADD).arg(RoomServiceKeys.ROOMS_BY_EXPIRY);
        if (onlyIfIndexed) {
            zadd.arg("XX");
        }
        batch.add(zadd.arg(expiresAt.toEpochMilli()).arg(roomId));
        batch.addAll(keepUntil(roomId, expiresAt));
        return batch;
    }

    private static List<Request> keepUntil(String roomId, Instant expiresAt) {
        long ttl = Duration.between(Instant.now(), expiresAt).plus(GRACE).toMillis();
        return List.of(Request.cmd(Command.PEXPIRE).arg(RoomServiceKeys.room(roomId)).arg(ttl),
                Request.cmd(Command.PEXPIRE).arg(RoomServiceKeys.participants(roomId)).arg(ttl),
                // A no-op for rooms without labels (no such key).
                Request.cmd(Command.PEXPIRE).arg(RedisKeys.roomRef(roomId)).arg(ttl));
    }

    private Request participant(String roomId, ParticipantRecord p) {
        return Request.cmd(Command.HSET).arg(RoomServiceKeys.participants(roomId)).arg(p.id()).arg(write(p));
    }

    /**
     * Sends the commands in one round trip; fails if Redis refused any of them. Unlike the data source's commands,
     * the plain client answers on its connection's event loop: the caller (a REST request) continues on its own
     * context, where its request scope lives.
     */
    private Uni<Void> send(List<Request> batch) {
        Context caller = Vertx.currentContext();
        Uni<Void> sent = redis.batch(batch).replaceWithVoid();
        return caller == null ? sent : sent.emitOn(task -> caller.runOnContext(v -> task.run()));
    }

    private String write(ParticipantRecord p) {
        try {
            return mapper.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("participant record is not serializable", e);
        }
    }

    private ParticipantRecord read(String json) {
        try {
            return mapper.readValue(json, ParticipantRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt participant record in Redis", e);
        }
    }
}
