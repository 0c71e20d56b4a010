package dev.coview.annotation.pointers;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The pointer path's counters at {@code /q/metrics}: moves dropped on the way in (no buffer space, Kafka
 * unreachable), frames relayed to rooms here, and frames superseded by a newer position of the same pointer in
 * the same batch (a relay that is behind shows as a growing share of those).
 */
@ApplicationScoped
public class PointerMetrics {

    void register(@Observes StartupEvent event, MeterRegistry registry, PointerPublisher publisher,
                  PointerRelay relay) {
        FunctionCounter.builder("coview.pointers.dropped", publisher, PointerPublisher::dropped)
                .description("pointer moves that could not be written to coview.pointers").register(registry);
        FunctionCounter.builder("coview.pointers.relayed", relay, PointerRelay::relayed)
                .description("pointer frames relayed to the rooms of this instance").register(registry);
        FunctionCounter.builder("coview.pointers.superseded", relay, PointerRelay::superseded)
                .description("pointer frames skipped for a newer position of the same pointer").register(registry);
    }
}
