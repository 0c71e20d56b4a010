package dev.coview.signaling.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.redis.RedisKeys;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Presence in Redis: each room's hash of participants ({@link RedisKeys#signalPresence}) and each instance's
 * liveness key ({@link RedisKeys#signalInstance}). An entry is live while its instance's key exists; the key
 * outlives a heartbeat by {@code ttl}, so a killed instance's members turn stale within {@code ttl}.
 */
final class RedisPresence {

    private final ReactiveHashCommands<String, String, String> hash;
    private final ReactiveKeyCommands<String> keys;
    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper mapper;
    private final String instanceId;
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
        this.values = redis.value(String.class);
        this.mapper = mapper;
        this.instanceId = instanceId;
        this.ttl = ttl;
    }

    String instanceId() {
        return instanceId;
    }

    /** Tells Redis this instance is alive for another {@code ttl}. */
    Uni<Void> heartbeat() {
        return values.setex(RedisKeys.signalInstance(instanceId), Math.max(1, ttl.toSeconds()), "1");
    }

    /**
     * Keeps a room's hash while this instance holds a member of it, and re-asserts this instance's entries in it:
     * Redis may have lost them (frozen or restarted longer than the TTL, then expiring the hash at once) or another
     * instance may have removed them while this one's liveness key was gone. Entries that left meanwhile are taken
     * out again, so a departed member is never written back.
     */
    Uni<Void> touch(String roomId) {
        Map<String, PresenceEntry> mine = written.get(roomId);
        if (mine == null || mine.isEmpty()) {
            return keys.expire(RedisKeys.signalPresence(roomId), ttl).replaceWithVoid();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        mine.forEach((id, entry) -> fields.put(id, json(entry)));
        return hash.hset(RedisKeys.signalPresence(roomId), fields)
                .chain(added -> {
                    if (added != null && added > 0) {
                        Log.infof("presence of room %s had lost %d of this instance's entries; wrote them back",
                                roomId, added);
                    }
                    return keys.expire(RedisKeys.signalPresence(roomId), ttl);
                })
                .chain(() -> {
                    Map<String, PresenceEntry> now = written.getOrDefault(roomId, Map.of());
                    String[] left = fields.keySet().stream().filter(id -> !now.containsKey(id)).toArray(String[]::new);
                    return left.length == 0 ? Uni.createFrom().voidItem()
                            : hash.hdel(RedisKeys.signalPresence(roomId), left).replaceWithVoid();
                });
    }

    Uni<PresenceEntry> get(String roomId, String participantId) {
        return hash.hget(RedisKeys.signalPresence(roomId), participantId).map(this::parse);
    }

    Uni<Void> put(String roomId, String participantId, PresenceEntry entry) {
        written.computeIfAbsent(roomId, r -> new java.util.concurrent.ConcurrentHashMap<>()).put(participantId, entry);
        return hash.hset(RedisKeys.signalPresence(roomId), participantId, json(entry))
                .chain(() -> keys.expire(RedisKeys.signalPresence(roomId), ttl))
                .replaceWithVoid();
    }

    /** Removes the entry; completes with whether this call removed it (one caller wins a race). */
    Uni<Boolean> remove(String roomId, String participantId) {
        written.computeIfPresent(roomId, (r, mine) -> {
            mine.remove(participantId);
            return mine.isEmpty() ? null : mine;
        });
        return hash.hdel(RedisKeys.signalPresence(roomId), participantId).map(n -> n != null && n > 0);
    }

    /** Every entry of the room, live or stale, by participant id. */
    Uni<Map<String, PresenceEntry>> all(String roomId) {
        return hash.hgetall(RedisKeys.signalPresence(roomId)).map(raw -> {
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

    /** The ids of the instances among {@code entries} whose liveness key has expired. */
    Uni<Set<String>> deadInstances(Map<String, PresenceEntry> entries) {
        Set<String> others = entries.values().stream().map(PresenceEntry::instance)
                .filter(i -> !i.equals(instanceId)).collect(Collectors.toSet());
        if (others.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        String[] instanceKeys = others.stream().map(RedisKeys::signalInstance).toArray(String[]::new);
        return values.mget(instanceKeys).map(found -> others.stream()
                .filter(i -> found.get(RedisKeys.signalInstance(i)) == null)
                .collect(Collectors.toSet()));
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
