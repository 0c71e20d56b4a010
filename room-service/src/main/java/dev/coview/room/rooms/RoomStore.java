package dev.coview.room.rooms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.ZAddArgs;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Rooms in Redis: the hash {@code room:{id}}, the participants hash {@code room:{id}:participants} and the idle-expiry
 * index {@code rooms-by-expiry} (see {@link RedisKeys}). Both hashes outlive the room's idle expiry by
 * {@link #GRACE}, so that the expiry sweep and a late {@code GET} still find what expired.
 */
@ApplicationScoped
public class RoomStore {

    /** How long a room's hashes stay after its idle expiry. */
    static final Duration GRACE = Duration.ofHours(1);

    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveKeyCommands<String> keys;
    private final ReactiveSortedSetCommands<String, String> expiryIndex;
    private final ObjectMapper mapper;

    public RoomStore(ReactiveRedisDataSource redis, ObjectMapper mapper) {
        this.hashes = redis.hash(String.class);
        this.keys = redis.key();
        this.expiryIndex = redis.sortedSet(String.class);
        this.mapper = mapper;
    }

    /** Stores a new room with its agent and schedules its idle expiry. */
    public Uni<Void> create(RoomRecord room, ParticipantRecord agent) {
        return hashes.hset(RedisKeys.room(room.id()), room.toHash())
                .chain(() -> addParticipant(room.id(), agent))
                .chain(() -> expiryIndex.zadd(RedisKeys.ROOMS_BY_EXPIRY, room.expiresAt().toEpochMilli(), room.id()))
                .chain(() -> keepUntil(room.id(), room.expiresAt()));
    }

    /** The room, or {@code null} when there is no such room (never created, or long gone). */
    public Uni<RoomRecord> find(String roomId) {
        return hashes.hgetall(RedisKeys.room(roomId))
                .map(h -> h == null || h.isEmpty() || !h.containsKey(RoomRecord.CREATED_AT)
                        ? null : RoomRecord.fromHash(roomId, h));
    }

    /** Everyone who was issued a token for the room, in the order they joined. */
    public Uni<List<ParticipantRecord>> participants(String roomId) {
        return hashes.hgetall(RedisKeys.participants(roomId))
                .map(h -> h.values().stream().map(this::read)
                        .sorted(Comparator.comparing(ParticipantRecord::joinedAt))
                        .toList());
    }

    /** Records a participant (the hash keeps the room's lifetime, set by {@link #keepUntil}). */
    public Uni<Void> addParticipant(String roomId, ParticipantRecord participant) {
        return hashes.hset(RedisKeys.participants(roomId), participant.id(), write(participant)).replaceWithVoid();
    }

    /**
     * Makes {@code customerId} the room's one customer. Atomic across instances: exactly one of two concurrent
     * joins (say one by code, one by invite) wins.
     */
    public Uni<Boolean> claimCustomer(String roomId, String customerId) {
        return hashes.hsetnx(RedisKeys.room(roomId), RoomRecord.CUSTOMER_ID, customerId);
    }

    /** Pushes the room's idle expiry to {@code expiresAt}; a room that has already left the index stays out. */
    public Uni<Void> touch(String roomId, Instant expiresAt) {
        return hashes.hset(RedisKeys.room(roomId), RoomRecord.EXPIRES_AT, Long.toString(expiresAt.toEpochMilli()))
                .chain(() -> expiryIndex.zadd(RedisKeys.ROOMS_BY_EXPIRY, new ZAddArgs().xx(),
                        expiresAt.toEpochMilli(), roomId))
                .chain(() -> keepUntil(roomId, expiresAt));
    }

    /**
     * Puts a room the sweep had claimed (and so removed from the index) back with a new deadline. Unlike
     * {@link #touch}, which must not resurrect a room that left the index, this adds it unconditionally.
     */
    public Uni<Void> reschedule(String roomId, Instant expiresAt) {
        return hashes.hset(RedisKeys.room(roomId), RoomRecord.EXPIRES_AT, Long.toString(expiresAt.toEpochMilli()))
                .chain(() -> expiryIndex.zadd(RedisKeys.ROOMS_BY_EXPIRY, expiresAt.toEpochMilli(), roomId))
                .chain(() -> keepUntil(roomId, expiresAt));
    }

    /**
     * Whether anyone is connected to the room's signaling right now: the presence hash signaling-service keeps
     * (entries refreshed by a heartbeat, the hash gone 15 s after the last one). A session that only talks over
     * WebSockets never calls room-service, yet is not idle.
     */
    public Uni<Boolean> connected(String roomId) {
        return hashes.hlen(RedisKeys.signalPresence(roomId)).map(n -> n != null && n > 0);
    }

    /** Records the end of the room and takes it out of the expiry index. */
    public Uni<Void> end(String roomId, Instant endedAt) {
        return hashes.hset(RedisKeys.room(roomId), RoomRecord.ENDED_AT, Long.toString(endedAt.toEpochMilli()))
                .chain(() -> expiryIndex.zrem(RedisKeys.ROOMS_BY_EXPIRY, roomId))
                .replaceWithVoid();
    }

    /** Up to {@code max} room ids whose idle expiry is at or before {@code now}, with their deadline. */
    public Uni<Map<String, Instant>> dueForExpiry(Instant now, int max) {
        return expiryIndex.zrangebyscoreWithScores(RedisKeys.ROOMS_BY_EXPIRY,
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
        return expiryIndex.zrem(RedisKeys.ROOMS_BY_EXPIRY, roomId).map(removed -> removed == 1);
    }

    private Uni<Void> keepUntil(String roomId, Instant expiresAt) {
        Duration ttl = Duration.between(Instant.now(), expiresAt).plus(GRACE);
        return keys.pexpire(RedisKeys.room(roomId), ttl)
                .chain(() -> keys.pexpire(RedisKeys.participants(roomId), ttl))
                .replaceWithVoid();
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
