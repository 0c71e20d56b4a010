package dev.coview.reliability.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.local.servers.ServiceInstance;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

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

    /** Whether a poll was taken at least {@code after} past {@code since} (a nanoTime): a failed check shows by then. */
    public boolean polledPast(long since, Duration after) {
        long offset = millisAt(since) + after.toMillis();
        return samples().stream().anyMatch(s -> s.atMillis() >= offset);
    }

    /** Milliseconds from {@code since} (a nanoTime) to the first poll that was not ready (200), or -1. */
    public long firstNotReady(long since) {
        long offset = millisAt(since);
        return samples().stream().filter(s -> s.atMillis() >= offset && s.ready() != 200)
                .mapToLong(s -> s.atMillis() - offset).findFirst().orElse(-1);
    }

    /** Waits (at most {@code wait}) until the last poll was ready; answers the milliseconds since {@code since}. */
    public long awaitReady(long since, Duration wait) {
        Awaitility.await(name() + " ready again").atMost(wait).pollInterval(Duration.ofMillis(50))
                .until(() -> lastReady() == 200);
        return Duration.ofNanos(System.nanoTime() - since).toMillis();
    }

    /** Prints when readiness changed, in milliseconds from {@code pausedAt} (a nanoTime). */
    public void printTimeline(long pausedAt) {
        long offset = millisAt(pausedAt);
        StringBuilder b = new StringBuilder(name() + " readiness (ms from the pause):");
        int last = 0;
        for (Sample s : samples()) {
            if (s.ready() != last) {
                b.append(' ').append(s.ready() < 0 ? "timeout" : String.valueOf(s.ready())).append('@')
                        .append(s.atMillis() - offset);
                last = s.ready();
            }
        }
        System.out.println(b);
    }

    /**
     * Prints the timeline from {@code pausedAt}, then asserts that every poll found the instance live and ready:
     * {@code fault} (e.g. "a 2 s Kafka pause") is one it must ride out without leaving its Service.
     */
    public void assertUpThroughout(String fault, long pausedAt) {
        printTimeline(pausedAt);
        assertThat(samples()).as("%s readiness and liveness through %s", name(), fault).allSatisfy(s -> {
            assertThat(s.ready()).isEqualTo(200);
            assertThat(s.live()).isEqualTo(200);
        });
    }

    /** {@code nanoTime} as milliseconds on this watch's clock (the samples' {@code atMillis}). */
    public long millisAt(long nanoTime) {
        return Duration.ofNanos(nanoTime - started).toMillis();
    }

    public String name() {
        return service.name();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
