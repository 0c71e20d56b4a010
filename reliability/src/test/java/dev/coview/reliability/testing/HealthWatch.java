package dev.coview.reliability.testing;

import dev.coview.local.servers.ServiceInstance;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Polls one instance's liveness and readiness every 250 ms during a fault and keeps every answer. */
public final class HealthWatch implements AutoCloseable {

    /** One poll: when (ms since the watch started) and the two statuses (-1: no answer within 2 s). */
    public record Sample(long atMillis, int live, int ready) {
    }

    private final ServiceInstance service;
    private final long started = System.nanoTime();
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);

    public HealthWatch(ServiceInstance service) {
        this.service = service;
        timer.scheduleWithFixedDelay(this::poll, 0, 250, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        long at = Duration.ofNanos(System.nanoTime() - started).toMillis();
        int live = Http.live(service, Duration.ofSeconds(2));
        int ready = Http.ready(service, Duration.ofSeconds(2));
        samples.add(new Sample(at, live, ready));
    }

    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** The last readiness status seen, or 0 before the first poll. */
    public int lastReady() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).ready();
    }

    /** {@link System#nanoTime()} when the watch started: sample times count from here. */
    /** Whether a poll was taken at least {@code after} past {@code since} (a nanoTime): a failed check shows by then. */
    public boolean polledPast(long since, java.time.Duration after) {
        long offset = java.time.Duration.ofNanos(since - startedAt()).plus(after).toMillis();
        return samples().stream().anyMatch(s -> s.atMillis() >= offset);
    }

    public long startedAt() {
        return started;
    }

    public String name() {
        return service.name();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
