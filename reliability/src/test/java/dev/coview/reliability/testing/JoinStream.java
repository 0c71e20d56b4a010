package dev.coview.reliability.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Customers creating and joining rooms one after the other on a thread of its own, while a fault is staged: how
 * many joins completed, the slowest, and the failures. A hiccup test requires that none failed.
 */
public final class JoinStream implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Long> millis = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Thread thread;

    private JoinStream() {
        thread = new Thread(() -> {
            while (running.get()) {
                long start = System.nanoTime();
                try {
                    Http.joinAsCustomer(Http.createRoom());
                    synchronized (millis) {
                        millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
                    }
                } catch (AssertionError | RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e.getMessage());
                    }
                }
            }
        }, "joins");
    }

    public static JoinStream start() {
        JoinStream stream = new JoinStream();
        stream.thread.start();
        return stream;
    }

    /** Stops after the join in progress; waits for it at most {@code wait}. */
    public void stop(Duration wait) throws InterruptedException {
        running.set(false);
        thread.join(wait.toMillis());
    }

    public int completed() {
        synchronized (millis) {
            return millis.size();
        }
    }

    /** The slowest completed join, ms; -1 without one. */
    public long slowestMillis() {
        synchronized (millis) {
            return millis.stream().mapToLong(Long::longValue).max().orElse(-1);
        }
    }

    public List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }
}
