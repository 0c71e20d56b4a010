package dev.coview.support.auth;

import dev.coview.contracts.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Ended rooms. Ending a room writes the marker {@code room-ended:{roomId}} (which every service checks before it
 * accepts a token of that room) and announces the room id on the {@code room-events} channel (so open sockets
 * close at once). The marker is the truth: pub/sub is at-most-once, so a service that missed the announcement
 * still refuses the room's tokens at the next upgrade or request.
 */
@ApplicationScoped
public class RoomRevocations {

    private static final String ENDED = "1";

    private final ReactiveKeyCommands<String> keys;
    private final ReactiveValueCommands<String, String> values;
    private final ReactivePubSubCommands<String> pubsub;

    @Inject
    public RoomRevocations(ReactiveRedisDataSource redis) {
        this.keys = redis.key();
        this.values = redis.value(String.class);
        this.pubsub = redis.pubsub(String.class);
    }

    /** Whether the room has ended (its tokens must be refused). */
    public Uni<Boolean> isEnded(String roomId) {
        return keys.exists(RedisKeys.roomEnded(roomId));
    }

    /**
     * Marks the room ended for {@code ttl} (at least as long as its longest token lives), then announces it.
     */
    public Uni<Void> markEnded(String roomId, Duration ttl) {
        return values.setex(RedisKeys.roomEnded(roomId), Math.max(1, ttl.toSeconds()), ENDED)
                .chain(() -> pubsub.publish(RedisKeys.ROOM_EVENTS_CHANNEL, roomId))
                .replaceWithVoid();
    }

    /**
     * Room ids as they end, announced by any instance. Each call opens a subscription: subscribe once per
     * service (at startup) and fan out locally.
     */
    public Multi<String> endedRooms() {
        return pubsub.subscribe(RedisKeys.ROOM_EVENTS_CHANNEL);
    }
}
