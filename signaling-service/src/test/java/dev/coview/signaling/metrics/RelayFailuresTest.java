package dev.coview.signaling.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.signaling.routing.LocalRooms;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * Every relay that fails is counted by reason, whether or not the once-a-second log line names it: an operator's
 * alert needs the count, and both series exist from the start (a rate over a series that appears only with the first
 * failure misses that failure). Which failures are "behind" is checked on a frozen redis-server in
 * {@code PublisherBackPressureTest}.
 */
class RelayFailuresTest {

    @Test
    void everyFailedRelayIsCountedByItsReason() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SignalMetrics metrics = new SignalMetrics(registry, new LocalRooms());
        assertThat(count(registry, "behind")).isZero();
        assertThat(count(registry, "unavailable")).isZero();

        metrics.relayFailed(true);
        metrics.relayFailed(true);
        metrics.relayFailed(false);

        assertThat(count(registry, "behind")).isEqualTo(2.0);
        assertThat(count(registry, "unavailable")).isEqualTo(1.0);
    }

    private static double count(SimpleMeterRegistry registry, String reason) {
        return registry.get("coview.signal.relay.failures").tag("reason", reason).counter().count();
    }
}
