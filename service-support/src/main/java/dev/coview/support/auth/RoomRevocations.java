package dev.coview.support.auth;

import dev.coview.contracts.redis.RedisKeys;
import dev.coview.support.redis.ChannelSubscriber;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * Ended rooms. Ending a room writes the marker {@code room-ended:{roomId}} (which every service checks before it
 * accepts a token of that room) and announces the room id on the {@code room-events} channel (so open sockets
 * close at once). The marker is the truth: pub/sub is at-most-once, so a service that missed the announcement
 * still refuses the room's tokens at the next upgrade or request.
 */
@ApplicationScoped
public class RoomRevocations {

    /** How long {@link RedisKeys#ROOMS_ENDED} remembers an ended room: longer than the annotation log keeps it. */
    static final Duration ENDED_ROOMS_MEMORY = Duration.ofDays(8);

    private final ReactiveKeyCommands<String> keys;
    private final ReactiveValueCommands<String, String> values;
    private final ReactivePubSubCommands<String> pubsub;
    private final ReactiveSortedSetCommands<String, String> sortedSets;
    private final ChannelSubscriber channels;

    @Inject
    public RoomRevocations(ReactiveRedisDataSource redis, ChannelSubscriber channels) {
        this.keys = redis.key();
        this.values = redis.value(String.class);
        this.pubsub = redis.pubsub(String.class);
        this.sortedSets = redis.sortedSet(String.class);
        this.channels = channels;
    }

    /** Whether the room has ended (its tokens must be refused). */
    public Uni<Boolean> isEnded(String roomId) {
        return keys.exists(RedisKeys.roomEnded(roomId));
    }

    /**
     * Why the room ended: {@code room.ended}'s reason ({@code agent}, {@code expired}) as the marker keeps it; null
     * when the room has not ended, or was marked without a reason (the value {@code 1}).
     */
    public Uni<String> endedReason(String roomId) {
        return values.get(RedisKeys.roomEnded(roomId)).map(v -> v == null || v.equals("1") ? null : v);
    }

    /** Marks the room ended without a reason the pages could tell (the marker's value is {@code 1}). */
    public Uni<Void> markEnded(String roomId, Duration ttl) {
        return markEnded(roomId, ttl, "1");
    }

    /**
     * Marks the room ended for {@code ttl} (at least as long as its longest token lives), with {@code reason}
     * ({@code room.ended}'s: the sockets' close says it to the pages), remembers it in {@link RedisKeys#ROOMS_ENDED},
     * then announces it.
     */
    public Uni<Void> markEnded(String roomId, Duration ttl, String reason) {
        long now = System.currentTimeMillis();
        return values.setex(RedisKeys.roomEnded(roomId), Math.max(1, ttl.toSeconds()), reason)
                .chain(() -> sortedSets.zadd(RedisKeys.ROOMS_ENDED, now, roomId))
                .chain(() -> sortedSets.zremrangebyscore(RedisKeys.ROOMS_ENDED,
                        new ScoreRange<>(Double.NEGATIVE_INFINITY, (double) (now - ENDED_ROOMS_MEMORY.toMillis()))))
                .chain(() -> pubsub.publish(RedisKeys.ROOM_EVENTS_CHANNEL, roomId))
                .replaceWithVoid();
    }

    /**
     * Rooms that ended at or after {@code sinceMillis} (epoch millis), with when they ended, oldest first; from 0:
     * every ended room still remembered (8 days).
     */
    public Uni<List<ScoredValue<String>>> endedSince(long sinceMillis) {
        return sortedSets.zrangebyscoreWithScores(RedisKeys.ROOMS_ENDED,
                new ScoreRange<>((double) sinceMillis, Double.POSITIVE_INFINITY));
    }

    /**
     * Room ids as they end, announced by any instance ({@link ChannelSubscriber}: one connection per call; subscribe
     * once per service). Announcements made while Redis is away are lost, which is why services also check
     * {@link #isEnded} at every upgrade and periodically.
     */
    public Multi<String> endedRooms() {
        return channels.messages(RedisKeys.ROOM_EVENTS_CHANNEL);
    }
}
