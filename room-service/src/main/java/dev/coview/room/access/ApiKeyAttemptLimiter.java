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
 * Throttles API-key guessing per client address, across instances ({@link RoomServiceKeys#API_KEY_ATTEMPTS}). The
 * key is compared first (in memory, constant time); only a wrong key is counted, in one atomic step that answers the
 * count, and a right key only reads it. Past {@code coview.room.auth.api-key-attempts} wrong keys in the window every
 * attempt, right or wrong, is answered 429 with {@code Retry-After}.
 *
 * <p>Why not count every attempt before the comparison (as this class once did, giving a right key's attempt back
 * afterwards): the budget then bounded the attempts <em>in flight</em>, so a legitimate integration that created more
 * than the budget's rooms at once from one address was told "too many wrong API keys" with a right key (the bench's
 * {@code POST /api/rooms} at 400/s: 1,428 of 1,449 creates answered 429), and every right key cost two Redis round
 * trips instead of one. A parallel burst of guesses still gets at most the budget of informative answers: the
 * counting and the reading are serialised by Redis, so a guess that comes after the budget's wrong ones is answered
 * 429 whether it is right or wrong; one that comes before is one of the budget's answers.
 */
@ApplicationScoped
public class ApiKeyAttemptLimiter {

    /** INCR, start the window on the first wrong key, answer the count and the window's remaining milliseconds. */
    private static final String COUNT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {n, redis.call('PTTL', KEYS[1])}
            """;

    /** The count so far (0 without a window) and the window's remaining milliseconds, counting nothing. */
    private static final String READ = """
            local n = tonumber(redis.call('GET', KEYS[1]) or '0')
            return {n, redis.call('PTTL', KEYS[1])}
            """;

    private final ReactiveRedisDataSource redis;
    private final AgentAuthConfig config;

    public ApiKeyAttemptLimiter(ReactiveRedisDataSource redis, AgentAuthConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** A right key from {@code client}: passes unless the client has used up its wrong keys (429). */
    public Uni<Void> right(String client) {
        return redis.execute("EVAL", READ, "1", key(client)).map(answer -> {
            if (answer.get(0).toLong() >= config.apiKeyAttempts()) {
                throw tooMany(answer);
            }
            return null;
        });
    }

    /** A wrong key from {@code client}: counted; 401, or 429 once the client is over the budget. */
    public <T> Uni<T> wrong(String client) {
        String window = Long.toString(config.apiKeyAttemptWindow().toMillis());
        return redis.execute("EVAL", COUNT, "1", key(client), window).map(answer -> {
            if (answer.get(0).toLong() > config.apiKeyAttempts()) {
                throw tooMany(answer);
            }
            throw new ProblemException(ProblemType.UNAUTHORIZED, "the API key is wrong");
        });
    }

    private static String key(String client) {
        return RoomServiceKeys.apiKeyAttempts(client == null ? "unknown" : client);
    }

    private static ProblemException tooMany(Response answer) {
        long pttl = answer.get(1).toLong();
        long seconds = Math.max(1, (pttl + 999) / 1000);
        return new ProblemException(ProblemType.TOO_MANY_KEY_ATTEMPTS,
                "too many wrong API keys from this client; retry in " + seconds + " s",
                Map.of("Retry-After", Long.toString(seconds)));
    }
}
