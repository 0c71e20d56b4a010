package dev.coview.signaling.metrics;

import dev.coview.signaling.routing.LocalRooms;
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
 * this instance, published to the room's Redis channel (the presence check and PUBLISH answered) when it is not.
 * Built once; recording is one {@link Timer#record} with no tag lookup, on the relay's hot path.
 */
@ApplicationScoped
public class SignalMetrics {

    private final Timer relay;

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
    }

    /** A signal that arrived at {@code receivedNanos} ({@link System#nanoTime()}) was handed over now. */
    public void relayed(long receivedNanos) {
        relay.record(System.nanoTime() - receivedNanos, TimeUnit.NANOSECONDS);
    }
}
