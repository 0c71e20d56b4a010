package dev.coview.support.auth;

import dev.coview.contracts.redis.RedisKeys;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
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
    private final Redis client;

    @Inject
    public RoomRevocations(ReactiveRedisDataSource redis) {
        this.keys = redis.key();
        this.values = redis.value(String.class);
        this.pubsub = redis.pubsub(String.class);
        this.client = redis.getRedis();
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
     * Room ids as they end, announced by any instance. Each call opens a dedicated subscriber connection:
     * subscribe once per service (at startup) and fan out locally. The connection re-subscribes by itself after
     * Redis comes back; announcements made while it was away are lost (pub/sub), which is why services also
     * check {@link #isEnded} at every upgrade and periodically.
     *
     * <p>A raw connection rather than the Quarkus pub/sub commands, whose {@code subscribe} was seen to never
     * complete now and then ("No handler waiting for message: [subscribe, …]").
     */
    public Multi<String> endedRooms() {
        return Multi.createFrom().emitter(emitter -> connect(emitter, 0));
    }

    private void connect(MultiEmitter<? super String> emitter, int attempt) {
        if (emitter.isCancelled()) {
            return;
        }
        client.connect().subscribe().with(connection -> {
            emitter.onTermination(connection::closeAndForget);
            connection.handler(push -> receive(push, emitter))
                    .exceptionHandler(e -> Log.debugf("room-events subscriber failed: %s", e.getMessage()))
                    .endHandler(() -> retry(emitter, 0));
            connection.send(Request.cmd(Command.SUBSCRIBE).arg(RedisKeys.ROOM_EVENTS_CHANNEL)).subscribe().with(
                    ok -> { },
                    e -> {
                        connection.closeAndForget();
                        retry(emitter, attempt + 1);
                    });
        }, e -> retry(emitter, attempt + 1));
    }

    private void retry(MultiEmitter<? super String> emitter, int attempt) {
        if (emitter.isCancelled()) {
            return;
        }
        // Back off up to 5 s while Redis is away; the marker check covers what is missed meanwhile.
        long delayMs = Math.min(5_000, 250L << Math.min(attempt, 5));
        Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(delayMs))
                .subscribe().with(ignored -> connect(emitter, attempt));
    }

    private static void receive(Response push, MultiEmitter<? super String> emitter) {
        if (push != null && push.size() == 3 && "message".equalsIgnoreCase(push.get(0).toString())
                && RedisKeys.ROOM_EVENTS_CHANNEL.equals(push.get(1).toString())) {
            emitter.emit(push.get(2).toString());
        }
    }
}
