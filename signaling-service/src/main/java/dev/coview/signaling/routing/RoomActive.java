package dev.coview.signaling.routing;

import dev.coview.contracts.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * Writes the shared {@code room-active} signal ({@link RedisKeys#ROOM_ACTIVE}) that room-service reads instead of
 * signaling's presence: per room, this instance's id scored by when its claim lapses (now + presence TTL). Claimed
 * when a participant's entry is written here and at every heartbeat, withdrawn when the instance holds nobody of the
 * room any more. A dead instance stops refreshing, so its claim lapses within the TTL: it never keeps a room active.
 */
final class RoomActive {

    /** KEYS[1] the room's set; ARGV: lapse time (ms), instance id, TTL (ms). One round trip; the set keeps a TTL. */
    private static final String CLAIM = "redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2]) "
            + "redis.call('PEXPIRE', KEYS[1], ARGV[3]) return 0";

    private final ReactiveRedisDataSource redis;
    private final ReactiveSortedSetCommands<String, String> sets;
    private final String instanceId;
    private final Duration ttl;

    RoomActive(ReactiveRedisDataSource redis, String instanceId, Duration ttl) {
        this.redis = redis;
        this.sets = redis.sortedSet(String.class);
        this.instanceId = instanceId;
        this.ttl = ttl;
    }

    /** This instance holds a participant of the room, for another TTL at least. */
    Uni<Void> claim(String roomId) {
        return redis.execute("EVAL", CLAIM, "1", RedisKeys.roomActive(roomId),
                Long.toString(System.currentTimeMillis() + ttl.toMillis()), instanceId, Long.toString(ttl.toMillis()))
                .replaceWithVoid();
    }

    /** This instance holds nobody of the room any more. */
    Uni<Void> withdraw(String roomId) {
        return sets.zrem(RedisKeys.roomActive(roomId), instanceId).replaceWithVoid();
    }
}
