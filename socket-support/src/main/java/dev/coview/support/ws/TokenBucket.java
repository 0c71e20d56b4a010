package dev.coview.support.ws;

/**
 * A token bucket on a caller-supplied clock (nanoseconds), so tests drive time. Thread-safe; a connection's
 * messages rarely contend, so the monitor costs a few nanoseconds.
 */
public final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long last;
    private boolean started;

    /**
     * @param capacity        largest burst
     * @param refillPerSecond tokens added per second, up to {@code capacity}
     */
    public TokenBucket(double capacity, double refillPerSecond) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("capacity must be >= 1 and refill > 0");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.tokens = capacity;
    }

    /** Takes one token if there is one. */
    public synchronized boolean tryTake(long nowNanos) {
        if (!started) {
            started = true;
            last = nowNanos;
        }
        long elapsed = nowNanos - last;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
            last = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
