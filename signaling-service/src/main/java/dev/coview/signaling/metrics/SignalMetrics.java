package dev.coview.signaling.metrics;

import dev.coview.signaling.routing.LocalRooms;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * signaling-service's own meters (besides socket-support's {@code coview_sockets_open}):
 * {@code coview_rooms_active} (rooms with a socket on this instance) and {@code coview_signal_relay_seconds}, a
 * histogram of the time from a signal's arrival to its hand-over: written to the addressee's socket when it is on
 * this instance, published to the room's Redis channel (the presence check and PUBLISH answered) when it is not;
 * and {@code coview_signal_relay_failures_total{reason}}, the signals that could not be handed over, whose senders
 * were told "signaling unavailable, retry": {@code behind} when this instance's Redis connection had more commands
 * waiting than it may queue (the instance falls behind its load), {@code unavailable} for any other failure (Redis
 * unreachable or refusing). The log says so at most once a second; the counter keeps every one.
 * Built once; recording is one {@link Timer#record} or {@link Counter#increment} with no tag lookup, on the relay's
 * hot path.
 */
@ApplicationScoped
public class SignalMetrics {

    private final Timer relay;
    private final Counter relayBehind;
    private final Counter relayUnavailable;

    @Inject
    public SignalMetrics(MeterRegistry registry, LocalRooms rooms) {
        Gauge.builder("coview.rooms.active", rooms, LocalRooms::roomCount)
                .description("rooms with at least one socket on this instance").register(registry);
        this.relay = Timer.builder("coview.signal.relay")
                .description("signal received → written to the addressee's socket here, or published through Redis")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(2))
                .register(registry);
        this.relayBehind = relayFailures(registry, "behind");
        this.relayUnavailable = relayFailures(registry, "unavailable");
    }

    private static Counter relayFailures(MeterRegistry registry, String reason) {
        return Counter.builder("coview.signal.relay.failures")
                .description("signals that could not be handed over; their senders were told to retry")
                .tag("reason", reason)
                .register(registry);
    }

    /** A signal that arrived at {@code receivedNanos} ({@link System#nanoTime()}) was handed over now. */
    public void relayed(long receivedNanos) {
        relay.record(System.nanoTime() - receivedNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * A signal could not be handed over.
     * @param behind the Redis connection's queue was full (this instance is behind), not Redis itself failing
     */
    public void relayFailed(boolean behind) {
        (behind ? relayBehind : relayUnavailable).increment();
    }
}
