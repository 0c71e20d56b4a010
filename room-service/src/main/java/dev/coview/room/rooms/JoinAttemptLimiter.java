package dev.coview.room.rooms;

import dev.coview.contracts.redis.RedisKeys;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import dev.coview.room.config.RoomConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Limits guessing of join codes: each client (by address) may send {@link RoomConfig#joinAttempts()} wrong codes per
 * {@link RoomConfig#joinAttemptWindow()}; after that every join is refused with 429 and {@code Retry-After} until the
 * window ends. A fixed window counted in Redis ({@code join-attempts:{client}}), so it holds across instances.
 */
@ApplicationScoped
public class JoinAttemptLimiter {

    private final ReactiveValueCommands<String, Long> counters;
    private final ReactiveKeyCommands<String> keys;
    private final RoomConfig config;

    public JoinAttemptLimiter(ReactiveRedisDataSource redis, RoomConfig config) {
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
        this.config = config;
    }

    /** Fails with 429 when the client has used up its wrong attempts. */
    public Uni<Void> checkAllowed(String client) {
        String key = RedisKeys.joinAttempts(client);
        return counters.get(key).chain(count -> {
            if (count == null || count < config.joinAttempts()) {
                return Uni.createFrom().voidItem();
            }
            return keys.pttl(key).map(pttl -> {
                long seconds = Math.max(1, (pttl + 999) / 1000);
                throw new ProblemException(ProblemType.TOO_MANY_ATTEMPTS,
                        "too many wrong join codes from this client; retry in " + seconds + " s",
                        Map.of("Retry-After", Long.toString(seconds)));
            });
        });
    }

    /** Counts one wrong attempt; the first of a window starts it. */
    public Uni<Void> recordFailure(String client) {
        String key = RedisKeys.joinAttempts(client);
        // SET NX with the window's TTL before INCR: the counter can never be left without an expiry.
        return counters.set(key, 0L, new SetArgs().nx().px(config.joinAttemptWindow()))
                .chain(() -> counters.incr(key))
                .replaceWithVoid();
    }
}
