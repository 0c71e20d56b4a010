package dev.coview.bench.floors;

import dev.coview.bench.core.Drain;
import dev.coview.bench.core.LatencyRecorder;
import dev.coview.bench.core.OpenLoop;
import dev.coview.bench.core.Payloads;
import dev.coview.bench.core.ScenarioResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a floor measures, the same way on Redis and on Kafka: stamped messages of {@link #PAYLOAD_BYTES} sent at a
 * fixed rate by an {@link OpenLoop}, their latency to the receiver, and after the measured window the rate achieved
 * and the messages lost.
 */
final class FloorTraffic {

    /** The size of every floor message (about a signaling message's). */
    static final int PAYLOAD_BYTES = 200;

    private final LatencyRecorder latency;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    FloorTraffic(String latencyName) {
        this.latency = new LatencyRecorder(latencyName);
    }

    /** A message to send now, stamped with its intended send time; answers its number, from 0. */
    long sending() {
        return sent.getAndIncrement();
    }

    /** A message received at {@code now}: its latency from the stamp in {@code payload}. */
    void received(String payload, long now) {
        latency.record(Payloads.intendedOf(payload), now);
        received.incrementAndGet();
    }

    /**
     * Warms up, measures for {@code measure}, stops the loop, runs {@code flush} (what the sender may still hold)
     * and waits for the receiver (5 s at most); answers the result with the rate and payload, {@code parameters},
     * the latency, and the rate achieved and messages lost in the window.
     */
    ScenarioResult measure(String scenario, OpenLoop loop, int ratePerSecond, Map<String, Object> parameters,
                           Duration warmup, Duration measure, Runnable flush) throws InterruptedException {
        Thread.sleep(warmup.toMillis());
        latency.reset();
        long sent0 = sent.get();
        long recv0 = received.get();
        double seconds = loop.runFor(measure);
        flush.run();
        Drain.until(() -> received.get() >= sent.get(), Duration.ofSeconds(5));
        long s = sent.get() - sent0;
        long r = received.get() - recv0;
        ScenarioResult result = new ScenarioResult(scenario)
                .parameter("rate_per_s", ratePerSecond)
                .parameter("payload_bytes", PAYLOAD_BYTES);
        parameters.forEach(result::parameter);
        return result.parameter("seconds", measure.toSeconds())
                .latency(latency)
                .figure("achieved_per_s", Math.round(s / seconds))
                .figure("lost", Math.max(0, s - r));
    }
}
