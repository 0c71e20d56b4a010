package dev.coview.signaling.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Presence in Redis: each room's hash of participants ({@link SignalingKeys#presence}), read by every instance. An
 * entry is live while its instance is ({@link RedisLiveness}). Whether this instance holds anyone of a room is also
 * told to room-service through {@link RoomActive}.
 */
final class RedisPresence implements Presence {

    private final ReactiveHashCommands<String, String, String> hash;
    private final ReactiveKeyCommands<String> keys;
    private final ObjectMapper mapper;
    private final RoomActive active;
    private final Duration ttl;
    /**
     * What this instance last wrote per room and participant. Redis can lose the hash while this instance still
     * serves the room (Redis frozen or restarted for longer than the TTL, then expiring it at once): the heartbeat
     * writes these back, otherwise the room's peers could no longer find each other.
     */
    private final Map<String, Map<String, PresenceEntry>> written = new java.util.concurrent.ConcurrentHashMap<>();

    RedisPresence(ReactiveRedisDataSource redis, ObjectMapper mapper, String instanceId, Duration ttl) {
        this.hash = redis.hash(String.class);
        this.keys = redis.key();
        this.mapper = mapper;
        this.active = new RoomActive(redis, instanceId, ttl);
        this.ttl = ttl;
    }

    /**
     * Keeps a room's hash while this instance holds a member of it, and re-asserts this instance's entries in it:
     * Redis may have lost them (frozen or restarted longer than the TTL, then expiring the hash at once) or another
     * instance may have removed them while this one's liveness key was gone. Entries that left meanwhile are taken
     * out again, so a departed member is never written back. Claims the room active for another TTL.
     */
    @Override
    public Uni<Void> touch(String roomId) {
        return active.claim(roomId).chain(() -> reassert(roomId));
    }

    private Uni<Void> reassert(String roomId) {
        Map<String, PresenceEntry> mine = written.get(roomId);
        if (mine == null || mine.isEmpty()) {
            return keys.expire(SignalingKeys.presence(roomId), ttl).replaceWithVoid();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        mine.forEach((id, entry) -> fields.put(id, json(entry)));
        return hash.hset(SignalingKeys.presence(roomId), fields)
                .chain(added -> {
                    if (added != null && added > 0) {
                        Log.infof("presence of room %s had lost %d of this instance's entries; wrote them back",
                                roomId, added);
                    }
                    return keys.expire(SignalingKeys.presence(roomId), ttl);
                })
                .chain(() -> {
                    Map<String, PresenceEntry> now = written.getOrDefault(roomId, Map.of());
                    String[] left = fields.keySet().stream().filter(id -> !now.containsKey(id)).toArray(String[]::new);
                    return left.length == 0 ? Uni.createFrom().voidItem()
                            : hash.hdel(SignalingKeys.presence(roomId), left).replaceWithVoid();
                });
    }

    @Override
    public Uni<PresenceEntry> get(String roomId, String participantId) {
        return hash.hget(SignalingKeys.presence(roomId), participantId).map(this::parse);
    }

    @Override
    public Uni<Void> put(String roomId, String participantId, PresenceEntry entry) {
        written.computeIfAbsent(roomId, r -> new java.util.concurrent.ConcurrentHashMap<>()).put(participantId, entry);
        Uni<Void> stored = hash.hset(SignalingKeys.presence(roomId), participantId, json(entry))
                .chain(() -> keys.expire(SignalingKeys.presence(roomId), ttl))
                .replaceWithVoid();
        // Side by side: the room-active claim costs the join no round trip of its own.
        return Uni.combine().all().unis(stored, active.claim(roomId)).discardItems();
    }

    @Override
    public Uni<Boolean> remove(String roomId, String participantId) {
        written.computeIfPresent(roomId, (r, mine) -> {
            mine.remove(participantId);
            return mine.isEmpty() ? null : mine;
        });
        return hash.hdel(SignalingKeys.presence(roomId), participantId).map(n -> n != null && n > 0);
    }

    /** Every entry of the room, live or stale, by participant id. */
    @Override
    public Uni<Map<String, PresenceEntry>> all(String roomId) {
        return hash.hgetall(SignalingKeys.presence(roomId)).map(raw -> {
            Map<String, PresenceEntry> entries = new LinkedHashMap<>();
            raw.forEach((id, json) -> {
                PresenceEntry e = parse(json);
                if (e != null) {
                    entries.put(id, e);
                }
            });
            return entries;
        });
    }

    @Override
    public Uni<Void> released(String roomId) {
        return active.withdraw(roomId);
    }

    private PresenceEntry parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, PresenceEntry.class);
        } catch (JsonProcessingException e) {
            // Written by another version or by hand: treat as absent rather than fail the room.
            return null;
        }
    }

    private String json(PresenceEntry entry) {
        try {
            return mapper.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("presence entry is not serializable", e);
        }
    }
}
