package dev.coview.annotation.metrics;

import dev.coview.annotation.rooms.Rooms;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * annotation-service's own meters (besides socket-support's {@code coview_sockets_open} and the pointer counters):
 * {@code coview_rooms_active} (rooms with a socket here), {@code coview_rooms_materialized} (rooms whose state is
 * held here), {@code coview_annotation_apply_lag_seconds} (a durable event stamped on acceptance → applied from
 * the log here; live records only) and {@code coview_pointer_fanout_lag_seconds} (a pointer move written to
 * {@code coview.pointers} → relayed to this instance's sockets, once per polled batch, for its oldest move). Both
 * lags compare wall clocks of the instances involved, so clock skew between pods adds to them. Built once; the
 * record methods do no tag lookup.
 */
@ApplicationScoped
public class AnnotationMetrics {

    private final Timer applyLag;
    private final Timer fanOutLag;

    @Inject
    public AnnotationMetrics(MeterRegistry registry, Rooms rooms) {
        Gauge.builder("coview.rooms.active", rooms, Rooms::active)
                .description("rooms with at least one socket on this instance").register(registry);
        Gauge.builder("coview.rooms.materialized", rooms, Rooms::materialized)
                .description("rooms whose annotation state this instance holds").register(registry);
        this.applyLag = lag(registry, "coview.annotation.apply.lag", "durable event accepted → applied here");
        this.fanOutLag = lag(registry, "coview.pointer.fanout.lag", "pointer move written → relayed to sockets here");
    }

    /** A live durable event stamped at {@code stampedMillis} (epoch) was applied now. */
    public void applied(long stampedMillis) {
        applyLag.record(Math.max(0, System.currentTimeMillis() - stampedMillis), TimeUnit.MILLISECONDS);
    }

    /** A batch of pointer moves whose oldest was written at {@code writtenMillis} (epoch) was relayed now. */
    public void fannedOut(long writtenMillis) {
        fanOutLag.record(Math.max(0, System.currentTimeMillis() - writtenMillis), TimeUnit.MILLISECONDS);
    }

    private static Timer lag(MeterRegistry registry, String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }
}
