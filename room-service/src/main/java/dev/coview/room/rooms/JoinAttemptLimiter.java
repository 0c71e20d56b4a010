package dev.coview.room.rooms;

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

    /**
     * KEYS: the client's counter, then for a code the global window counter; ARGV: window in ms, client budget,
     * global budget. Counts first, then compares, in one step: {0, ttl} admitted, {1, ttl} over the client's budget,
     * {2, ttl} over the global one (whose count is then given back: only tried codes stay counted).
     */
    private static final String COUNT = "local function count(k, w) local c = redis.call('INCR', k) "
            + "if c == 1 then redis.call('PEXPIRE', k, w) end return c end "
            + "if count(KEYS[1], ARGV[1]) > tonumber(ARGV[2]) then return {1, redis.call('PTTL', KEYS[1])} end "
            + "if #KEYS == 2 and count(KEYS[2], ARGV[1]) > tonumber(ARGV[3]) then "
            + "redis.call('DECR', KEYS[2]) return {2, redis.call('PTTL', KEYS[2])} end "
            + "return {0, 0}";
    /** KEYS: the lifetime total of wrong codes: one more. */
    private static final String FAILED = "return redis.call('INCR', KEYS[1])";
    /** KEYS: counters; one attempt back in each, only while its window lasts (a DECR would recreate it, TTL-less). */
    private static final String GIVE_BACK = "for _, k in ipairs(KEYS) do "
            + "if redis.call('EXISTS', k) == 1 then redis.call('DECR', k) end end return 0";

    private final ReactiveRedisDataSource redis;
    private final RoomConfig config;

    public JoinAttemptLimiter(ReactiveRedisDataSource redis, RoomConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /**
     * Counts this attempt of {@code client} (and for a join code, of everyone) and fails with 429 when it is over the
     * client's budget or, for a join code, the global one.
     */
    public Uni<Void> admit(String client, boolean byCode) {
        String window = Long.toString(config.joinAttemptWindow().toMillis());
        String clientBudget = Integer.toString(config.joinAttempts());
        String globalBudget = Integer.toString(config.joinFailuresGlobal());
        Uni<io.vertx.mutiny.redis.client.Response> counted = byCode
                ? redis.execute("EVAL", COUNT, "2", RoomServiceKeys.joinAttempts(client), RoomServiceKeys.JOIN_FAILURES_WINDOW,
                        window, clientBudget, globalBudget)
                : redis.execute("EVAL", COUNT, "1", RoomServiceKeys.joinAttempts(client), window, clientBudget,
                        globalBudget);
        return counted.map(r -> {
            long verdict = r.get(0).toLong();
            if (verdict == 1) {
                throw tooMany("too many join attempts from this network; try again in", r.get(1).toLong(),
                        ProblemType.TOO_MANY_ATTEMPTS);
            }
            if (verdict == 2) {
                throw tooMany("joining by code is paused for a moment because of many wrong codes; use the invite "
                        + "link, or try again in", r.get(1).toLong(), ProblemType.JOIN_PAUSED);
            }
            return null;
        });
    }

    /**
     * A successful join gives its attempts back (the client's, and for a code the global window's): a customer who
     * typed one wrong digit is not left with fewer, and only wrong codes fill the global budget.
     */
    public Uni<Void> succeeded(String client, boolean byCode) {
        return byCode
                ? redis.execute("EVAL", GIVE_BACK, "2", RoomServiceKeys.joinAttempts(client), RoomServiceKeys.JOIN_FAILURES_WINDOW)
                        .replaceWithVoid()
                : redis.execute("EVAL", GIVE_BACK, "1", RoomServiceKeys.joinAttempts(client)).replaceWithVoid();
    }

    /** Counts a wrong code in the lifetime total (per-room budget); the windows counted it on admission. */
    public Uni<Void> wrongCode() {
        return redis.execute("EVAL", FAILED, "1", RoomServiceKeys.JOIN_FAILURES_TOTAL).replaceWithVoid();
    }

    /** Whether a code issued when the total was {@code atIssue} has seen more wrong guesses than a room may. */
    public Uni<Boolean> retired(Long atIssue) {
        if (atIssue == null) {
            return Uni.createFrom().item(false);
        }
        return redis.execute("GET", RoomServiceKeys.JOIN_FAILURES_TOTAL)
                .map(r -> (r == null ? 0L : r.toLong()) - atIssue > config.joinCodeGuessBudget());
    }

    private static ProblemException tooMany(String detail, long pttl, ProblemType type) {
        long seconds = Math.max(1, (pttl + 999) / 1000);
        return new ProblemException(type, detail + " " + seconds + " s",
                Map.of("Retry-After", Long.toString(seconds)));
    }
}
