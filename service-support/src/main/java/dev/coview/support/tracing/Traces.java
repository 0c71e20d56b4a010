package dev.coview.support.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CoView's own spans, for the hops no library instruments: a socket's open, a signal relayed through a room's Redis
 * channel, an annotation event through {@code coview.annotations} (docs/operations.md, "Tracing"). Tracing is off
 * unless {@code quarkus.otel.sdk.disabled=false}; then {@link #enabled()} is false, {@link #start} returns
 * {@code null}, and callers skip all span work: the relay paths allocate nothing for tracing per message.
 */
@ApplicationScoped
public class Traces {

    /** Span attribute: the room the work is about. */
    public static final String ROOM_ID = "coview.room.id";
    /** Span attribute: the participant whose socket or message it is. */
    public static final String PARTICIPANT_ID = "coview.participant.id";

    /** {@code null} when tracing is off. */
    private final Tracer tracer;

    @Inject
    public Traces(Instance<OpenTelemetry> openTelemetry,
                  @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "true") boolean disabled) {
        // A service without the quarkus-opentelemetry extension (webhook-service) has no OpenTelemetry bean.
        this(disabled || !openTelemetry.isResolvable() ? null : openTelemetry.get().getTracer("dev.coview"));
    }

    private Traces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Tracing off: for plain unit tests that build a component by hand. */
    public static Traces off() {
        return new Traces((Tracer) null);
    }

    /** Whether spans are recorded; when not, callers do no span work at all. */
    public boolean enabled() {
        return tracer != null;
    }

    /**
     * Starts a span; the caller ends it ({@link #end}). Its parent is {@code traceparent} when that is a valid one;
     * otherwise it starts a new trace (never a child of whatever span a shared event loop happens to hold).
     *
     * @return the started span, or {@code null} when tracing is off
     */
    public Span start(String name, SpanKind kind, String traceparent, String roomId, String participantId) {
        if (tracer == null) {
            return null;
        }
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind);
        SpanContext parent = TraceParent.parse(traceparent);
        if (parent != null) {
            builder.setParent(Context.root().with(Span.wrap(parent)));
        } else {
            builder.setNoParent();
        }
        if (roomId != null) {
            builder.setAttribute(ROOM_ID, roomId);
        }
        if (participantId != null) {
            builder.setAttribute(PARTICIPANT_ID, participantId);
        }
        return builder.startSpan();
    }

    /** Runs {@code work} with {@code span} current (e.g. so a session event or an envelope picks up its context). */
    public static <T> T within(Span span, Supplier<T> work) {
        if (span == null) {
            return work.get();
        }
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        }
    }

    /** Runs {@code work} with {@code span} current, when there is one. */
    public static void run(Span span, Runnable work) {
        within(span, () -> {
            work.run();
            return null;
        });
    }

    /** Ends {@code span} if there is one (tracing on); {@code failure} marks it as failed. */
    public static void end(Span span, Throwable failure) {
        if (span == null) {
            return;
        }
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
