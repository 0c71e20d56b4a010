package dev.coview.bench.core;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency of one path (e.g. "pointer", "durable"), measured from the <em>intended</em> send time carried in each
 * message, not from when the sender got round to sending it: a stalled sender then shows as latency instead of
 * silently sending less (coordinated omission). Thread-safe: many receivers record, one reporter reads.
 */
public final class LatencyRecorder {

    private static final long MAX_NANOS = 60_000_000_000L;

    private final String name;
    private final Recorder recorder = new Recorder(MAX_NANOS, 3);
    private final Histogram total = new Histogram(MAX_NANOS, 3);

    public LatencyRecorder(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Records one delivery: {@code receivedNanos - intendedNanos}, both {@link System#nanoTime()} values. */
    public void record(long intendedNanos, long receivedNanos) {
        long v = Math.max(0, receivedNanos - intendedNanos);
        recorder.recordValue(Math.min(v, MAX_NANOS));
    }

    /** Everything recorded since the last call is folded into the total; returns the total so far. */
    public synchronized Histogram snapshot() {
        total.add(recorder.getIntervalHistogram());
        return total.copy();
    }

    /** Discards what was recorded so far (after warm-up). */
    public synchronized void reset() {
        recorder.getIntervalHistogram();
        total.reset();
    }

    /** p50/p99/p99.9/max in milliseconds and the count, as written to the results. */
    public Map<String, Object> summary() {
        Histogram h = snapshot();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        m.put("p50_ms", ms(h.getValueAtPercentile(50)));
        m.put("p99_ms", ms(h.getValueAtPercentile(99)));
        m.put("p999_ms", ms(h.getValueAtPercentile(99.9)));
        m.put("max_ms", ms(h.getMaxValue()));
        return m;
    }

    static double ms(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
