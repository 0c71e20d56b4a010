package dev.coview.room.access;

import dev.coview.room.config.AgentAuthConfig;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import dev.coview.room.rooms.RoomServiceKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Throttles API-key guessing per client address, across instances: every attempt is counted in Redis
 * ({@link RoomServiceKeys#API_KEY_ATTEMPTS}) <em>before</em> the key is compared, in one atomic step, so a burst of
 * parallel guesses gets at most {@code coview.room.auth.api-key-attempts} answers per window; a right key gives
 * its attempt back. Past the budget every attempt, right or wrong, is answered 429 with {@code Retry-After}.
 */
@ApplicationScoped
public class ApiKeyAttemptLimiter {

    /** INCR, start the window on the first attempt, answer the count and the window's remaining milliseconds. */
    private static final String COUNT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {n, redis.call('PTTL', KEYS[1])}
            """;

    private final ReactiveRedisDataSource redis;
    private final AgentAuthConfig config;

    public ApiKeyAttemptLimiter(ReactiveRedisDataSource redis, AgentAuthConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** Counts one attempt from {@code client}; fails with 429 when it is over the budget. */
    public Uni<Attempt> attempt(String client) {
        String key = RoomServiceKeys.apiKeyAttempts(client == null ? "unknown" : client);
        String window = Long.toString(config.apiKeyAttemptWindow().toMillis());
        return redis.execute("EVAL", COUNT, "1", key, window).map(answer -> {
            long count = answer.get(0).toLong();
            if (count > config.apiKeyAttempts()) {
                throw tooMany(answer);
            }
            return new Attempt(key);
        });
    }

    private static ProblemException tooMany(Response answer) {
        long pttl = answer.get(1).toLong();
        long seconds = Math.max(1, (pttl + 999) / 1000);
        return new ProblemException(ProblemType.TOO_MANY_KEY_ATTEMPTS,
                "too many wrong API keys from this client; retry in " + seconds + " s",
                Map.of("Retry-After", Long.toString(seconds)));
    }

    /** One counted attempt: refused (it stays counted) or given back (a right key). */
    public final class Attempt {
        private final String key;

        private Attempt(String key) {
            this.key = key;
        }

        /** A wrong key: 401, and the attempt stays counted. */
        public <T> Uni<T> refuse() {
            return Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED, "the API key is wrong"));
        }

        /** A right key: its attempt no longer counts against the client. */
        public Uni<Void> giveBack() {
            return redis.execute("DECR", key).replaceWithVoid();
        }
    }
}
