package dev.coview.support.health;

import io.smallrye.mutiny.TimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * How long a shared dependency (Redis, Kafka) may fail a readiness check before the check reports DOWN. Every pod
 * sees the same dependency: a hiccup fails the check on all of them at the same moment, and turning every pod away
 * for a 2 s pause would do more harm than the pause itself. Within the grace the check answers UP with
 * {@code degraded-for-ms} and the {@code reason} in its data.
 */
final class Grace {

    private final String name;
    private final Duration grace;
    private final Duration timeout;
    /** {@link System#nanoTime()} of the first failed check since the last good one; 0 while the dependency answers. */
    private final AtomicLong failingSince = new AtomicLong();

    /**
     * @param name    the check's name
     * @param grace   how long failures are tolerated
     * @param timeout how long one check waits for an answer (named in the reason of a timeout)
     */
    Grace(String name, Duration grace, Duration timeout) {
        this.name = name;
        this.grace = grace;
        this.timeout = timeout;
    }

    /** The dependency answered. */
    HealthCheckResponse up() {
        failingSince.set(0);
        return HealthCheckResponse.up(name);
    }

    /** The dependency did not answer, or failed: UP while within the grace, DOWN after. */
    HealthCheckResponse failed(Throwable e) {
        long now = System.nanoTime();
        failingSince.compareAndSet(0, now);
        long failingMillis = (now - failingSince.get()) / 1_000_000;
        String reason = e instanceof TimeoutException
                ? "no answer within " + timeout.toMillis() + " ms"
                // The class only: a client's message may quote the connection URL.
                : e.getClass().getSimpleName();
        return HealthCheckResponse.named(name).status(failingMillis < grace.toMillis())
                .withData("reason", reason)
                .withData("degraded-for-ms", failingMillis)
                .build();
    }
}
