package dev.coview.support.ws;

/**
 * Per-connection flood control: a message bucket ({@link WebSocketConfig#messagesPerSecond()} with
 * {@link WebSocketConfig#burst()}) and a strike bucket. A message over the rate is dropped with an error and
 * costs a strike; a connection out of strikes ({@link WebSocketConfig#floodLimit()} refused messages in about ten
 * seconds) is closed with 1008. A single bucket with a "consecutive refusals" counter would never close a
 * flooder, whose refusals are interrupted by each refilled token.
 */
public final class FloodGuard {

    /** What to do with the message that was just received. */
    public enum Verdict {
        /** Process it. */
        ACCEPT,
        /** Drop it and tell the client ({@code error rate-limited}). */
        DROP,
        /** Close the socket with 1008. */
        CLOSE
    }

    private final TokenBucket messages;
    private final TokenBucket strikes;

    public FloodGuard(WebSocketConfig config) {
        this(config.messagesPerSecond(), config.burst(), config.floodLimit());
    }

    public FloodGuard(int messagesPerSecond, int burst, int floodLimit) {
        this.messages = new TokenBucket(burst, messagesPerSecond);
        this.strikes = new TokenBucket(floodLimit, floodLimit / 10.0);
    }

    /** Judges one inbound message received at {@code nowNanos} ({@link System#nanoTime()}). */
    public Verdict check(long nowNanos) {
        if (messages.tryTake(nowNanos)) {
            return Verdict.ACCEPT;
        }
        return strikes.tryTake(nowNanos) ? Verdict.DROP : Verdict.CLOSE;
    }
}
