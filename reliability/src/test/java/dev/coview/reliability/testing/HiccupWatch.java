package dev.coview.reliability.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.local.servers.ServiceInstance;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * What a short fault under traffic (Redis or Kafka frozen for 2 s) must not disturb: the readiness and liveness of
 * the given instances, polled throughout ({@link HealthWatch}), and customers joining rooms one after the other
 * ({@link JoinStream}). Open it before the fault, {@link #settle} after it, then judge with
 * {@link #assertNoOneTurnedAway}.
 */
public final class HiccupWatch implements AutoCloseable {

    private final List<HealthWatch> watches;
    private final JoinStream joins;
    private final Duration wait;

    /** Starts watching {@code instances} and joining rooms; {@code wait} bounds every wait that follows. */
    public HiccupWatch(List<ServiceInstance> instances, Duration wait) {
        this.watches = instances.stream().map(HealthWatch::new).toList();
        this.joins = JoinStream.start();
        this.wait = wait;
    }

    /**
     * Waits until every watch has polled 3 s past {@code resumedAt} (a nanoTime): a check that failed during the
     * pause shows by then (three failed polls are what the kubelet needs to take a pod out). Then stops the joins.
     */
    public void settle(long resumedAt) throws InterruptedException {
        Awaitility.await("readiness polled 3 s past the resume").atMost(wait)
                .until(() -> watches.stream().allMatch(w -> w.polledPast(resumedAt, Duration.ofSeconds(3))));
        joins.stop(wait);
    }

    /** The joins' figures, for the printed summary. */
    public String joinFigures() {
        return String.format("%d rooms created and joined meanwhile, slowest %d ms, %d failed", joins.completed(),
                joins.slowestMillis(), joins.failures().size());
    }

    /**
     * Every poll of every instance found it live and ready (the timelines from {@code pausedAt} printed), every join
     * started during the fault completed, and some did.
     *
     * @param fault what the instances rode out, e.g. "a 2 s Redis pause"
     */
    public void assertNoOneTurnedAway(String fault, long pausedAt) {
        watches.forEach(w -> w.assertUpThroughout(fault, pausedAt));
        assertThat(joins.failures()).as("joins started during the pause").isEmpty();
        assertThat(joins.completed()).as("joins completed").isPositive();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            joins.stop(wait);
        } finally {
            watches.forEach(HealthWatch::close);
        }
    }
}
