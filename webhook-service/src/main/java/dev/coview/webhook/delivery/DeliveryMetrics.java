package dev.coview.webhook.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An endpoint's delivery metrics, labelled by endpoint name only (a handful, chosen by the operator; never a room):
 * {@code coview_webhook_deliveries_total{outcome=delivered|dead-lettered}}, {@code coview_webhook_attempts_seconds}
 * {@code {result=success|failure}} and the gauge {@code coview_webhook_queued} (events held in memory).
 */
final class DeliveryMetrics {

    private final Counter delivered;
    private final Counter deadLettered;
    private final Timer success;
    private final Timer failure;

    DeliveryMetrics(MeterRegistry registry, String endpoint, AtomicInteger queued) {
        this.delivered = Counter.builder("coview.webhook.deliveries").tag("endpoint", endpoint)
                .tag("outcome", "delivered").description("events an endpoint accepted").register(registry);
        this.deadLettered = Counter.builder("coview.webhook.deliveries").tag("endpoint", endpoint)
                .tag("outcome", "dead-lettered").description("events given up on, written to the dead-letter topic")
                .register(registry);
        this.success = Timer.builder("coview.webhook.attempts").tag("endpoint", endpoint).tag("result", "success")
                .description("HTTP attempts and their duration").register(registry);
        this.failure = Timer.builder("coview.webhook.attempts").tag("endpoint", endpoint).tag("result", "failure")
                .description("HTTP attempts and their duration").register(registry);
        Gauge.builder("coview.webhook.queued", queued, AtomicInteger::get).tag("endpoint", endpoint)
                .description("events read from Kafka and not yet delivered").register(registry);
    }

    void attempt(long nanos, boolean ok) {
        (ok ? success : failure).record(nanos, TimeUnit.NANOSECONDS);
    }

    void delivered() {
        delivered.increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }
}
