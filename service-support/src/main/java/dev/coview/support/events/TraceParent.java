package dev.coview.support.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The W3C {@code traceparent} of the span current on this thread, for the CloudEvents Distributed Tracing extension.
 * Without OpenTelemetry configured (no SDK) there is never a valid span, and events carry no trace context.
 */
final class TraceParent {

    private TraceParent() {
    }

    /** {@code 00-<trace id>-<span id>-<flags>}, or {@code null} when nothing is being traced. */
    static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}
