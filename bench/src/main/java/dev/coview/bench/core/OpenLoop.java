package dev.coview.bench.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Fires an action at a fixed rate on its own thread, passing each firing's intended time. If the action falls
 * behind (a stall), the missed firings run back to back with their original intended times, so their latency
 * includes the stall: the open arrival model.
 */
public final class OpenLoop implements AutoCloseable {

    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final LatencyRecorder lag = new LatencyRecorder("send lag");
    private volatile long fired;

    /**
     * @param ratePerSecond firings per second (all senders of this loop together)
     * @param action        receives the intended {@link System#nanoTime()} of each firing
     */
    public OpenLoop(String name, double ratePerSecond, LongConsumer action) {
        long interval = Math.max(1, (long) (1e9 / ratePerSecond));
        this.thread = new Thread(() -> {
            long next = System.nanoTime();
            while (running.get()) {
                long now = System.nanoTime();
                if (now < next) {
                    LockSupport.parkNanos(next - now);
                    continue;
                }
                // How late this firing runs: a load generator that cannot keep its schedule measures itself.
                lag.record(next, now);
                action.accept(next);
                fired++;
                next += interval;
            }
        }, name);
        this.thread.setDaemon(true);
    }

    public OpenLoop start() {
        thread.start();
        return this;
    }

    /**
     * How late each firing ran after its intended time (the sending thread's lag; reset it with the latency after
     * warm-up). Large values mean the load generator, not the system under test, was behind.
     */
    public LatencyRecorder lag() {
        return lag;
    }

    /** How many firings have run. */
    public long fired() {
        return fired;
    }

    /**
     * Lets the started loop fire for {@code window}, then stops it: the measured window. Answers how long it really
     * ran, in seconds, which is what achieved rates divide by.
     */
    public double runFor(Duration window) throws InterruptedException {
        long t0 = System.nanoTime();
        Thread.sleep(window.toMillis());
        close();
        return (System.nanoTime() - t0) / 1e9;
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
