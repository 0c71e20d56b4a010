package dev.coview.support.logging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most one log line per interval for a failure that can repeat at the rate of a client's traffic, with the count
 * of those not logged since. When Redis stalled under 12,000 relays/s, every failed relay logged a warning: 20,935
 * lines in 40 s, whose formatting and buffering added to a heap that was already full (bench/results/TUNING-tail.md,
 * session 12). One budget per kind of failure; any thread may call it.
 */
public final class LogBudget {

    private final long intervalNanos;
    /** When the next line may be logged; {@code Long.MIN_VALUE} before the first. */
    private final AtomicLong nextNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong unlogged = new AtomicLong();

    public LogBudget(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Whether this occurrence may be logged now. Returns the number of occurrences not logged since the last line
     * (0 or more) when it may, or -1 when it may not (it is counted).
     */
    public long take(long nowNanos) {
        long next = nextNanos.get();
        boolean due = next == Long.MIN_VALUE || nowNanos - next >= 0;
        if (due && nextNanos.compareAndSet(next, nowNanos + intervalNanos)) {
            return unlogged.getAndSet(0);
        }
        unlogged.incrementAndGet();
        return -1;
    }
}
