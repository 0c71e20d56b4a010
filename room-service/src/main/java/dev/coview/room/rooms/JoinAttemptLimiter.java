package dev.coview.room.rooms;

import dev.coview.contracts.redis.RedisKeys;
import dev.coview.room.config.RoomConfig;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Limits guessing of join codes, in Redis so that it holds across instances, with three budgets:
 * <ul>
 * <li>per client ({@link ClientKey}): {@link RoomConfig#joinAttempts()} attempts per
 * {@link RoomConfig#joinAttemptWindow()}. The attempt is counted before the credential is looked at (one atomic
 * script: INCR, start the window, compare), so parallel requests cannot all pass a check made before any of them
 * counted; a successful join gives its attempt back.</li>
 * <li>global: {@link RoomConfig#joinFailuresGlobal()} wrong codes per window from all clients together (a botnet
 * of many addresses); past it, joining by code pauses until the window ends. Invites are 128-bit random, not
 * guessable, and keep working.</li>
 * <li>per room: a join code is retired once {@link RoomConfig#joinCodeGuessBudget()} wrong codes were tried
 * (coview-wide) during its life, which bounds the chance that any one room's code is guessed to budget / 10^6.</li>
 * </ul>
 */
@ApplicationScoped
public class JoinAttemptLimiter {

    /** KEYS[1] counter, ARGV[1] window in ms: count first, start the window with the first, answer count and TTL. */
    private static final String COUNT = "local c = redis.call('INCR', KEYS[1]) "
            + "if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
            + "return {c, redis.call('PTTL', KEYS[1])}";
    /** KEYS: the global window counter and the lifetime total: one wrong code more in both. */
    private static final String FAILED = "local c = redis.call('INCR', KEYS[1]) "
            + "if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
            + "redis.call('INCR', KEYS[2]) return c";

    /** KEYS[1] counter: one attempt back, only while its window lasts (a DECR would recreate it without a TTL). */
    private static final String GIVE_BACK = "if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('DECR', KEYS[1]) end "
            + "return 0";

    private final ReactiveRedisDataSource redis;
    private final RoomConfig config;

    public JoinAttemptLimiter(ReactiveRedisDataSource redis, RoomConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /**
     * Counts this attempt of {@code client} and fails with 429 when it is over a budget: the client's own, or for a
     * join code the global one.
     */
    public Uni<Void> admit(String client, boolean byCode) {
        String key = RedisKeys.joinAttempts(client);
        return redis.execute("EVAL", COUNT, "1", key, Long.toString(config.joinAttemptWindow().toMillis()))
                .chain(r -> {
                    if (r.get(0).toLong() > config.joinAttempts()) {
                        throw tooMany("too many join attempts from this network; try again in", r.get(1).toLong(),
                                ProblemType.TOO_MANY_ATTEMPTS);
                    }
                    return byCode ? globalPause() : Uni.createFrom().voidItem();
                });
    }

    /** A successful join gives its attempt back: a customer who typed one wrong digit is not left with fewer. */
    public Uni<Void> succeeded(String client) {
        return redis.execute("EVAL", GIVE_BACK, "1", RedisKeys.joinAttempts(client)).replaceWithVoid();
    }

    /** Counts a wrong code in the global window and in the lifetime total. */
    public Uni<Void> wrongCode() {
        return redis.execute("EVAL", FAILED, "2", RedisKeys.JOIN_FAILURES_WINDOW, RedisKeys.JOIN_FAILURES_TOTAL,
                Long.toString(config.joinAttemptWindow().toMillis())).replaceWithVoid();
    }

    /** Whether a code issued when the total was {@code atIssue} has seen more wrong guesses than a room may. */
    public Uni<Boolean> retired(Long atIssue) {
        if (atIssue == null) {
            return Uni.createFrom().item(false);
        }
        return redis.execute("GET", RedisKeys.JOIN_FAILURES_TOTAL)
                .map(r -> (r == null ? 0L : r.toLong()) - atIssue > config.joinCodeGuessBudget());
    }

    private Uni<Void> globalPause() {
        return redis.execute("GET", RedisKeys.JOIN_FAILURES_WINDOW).chain(count -> {
            if (count == null || count.toLong() < config.joinFailuresGlobal()) {
                return Uni.createFrom().voidItem();
            }
            return redis.execute("PTTL", RedisKeys.JOIN_FAILURES_WINDOW).map(ttl -> {
                throw tooMany("joining by code is paused for a moment because of many wrong codes; use the invite "
                        + "link, or try again in", ttl.toLong(), ProblemType.JOIN_PAUSED);
            });
        });
    }

    private static ProblemException tooMany(String detail, long pttl, ProblemType type) {
        long seconds = Math.max(1, (pttl + 999) / 1000);
        return new ProblemException(type, detail + " " + seconds + " s",
                Map.of("Retry-After", Long.toString(seconds)));
    }
}
