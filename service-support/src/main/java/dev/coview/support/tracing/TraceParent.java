package dev.coview.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/**
 * W3C {@code traceparent} ({@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}): how a span's context
 * travels where no OpenTelemetry propagator runs: the CloudEvents Distributed Tracing extension of session events
 * ({@code ce_traceparent}), the {@code traceparent} Kafka header of {@code coview.annotations}, the relay envelope
 * on a room's Redis channel, and a token's {@code traceparent} claim. Without the SDK (tracing off) there is never a
 * valid span, and nothing carries a trace context.
 */
public final class TraceParent {

    /** The header, Kafka header and claim name (W3C Trace Context). */
    public static final String NAME = "traceparent";
    /** Length of a version-00 traceparent. */
    public static final int LENGTH = 55;

    private TraceParent() {
    }

    /** The traceparent of the span current on this thread, or {@code null} when nothing is being traced. */
    public static String current() {
        return of(Span.current().getSpanContext());
    }

    /** {@code span}'s traceparent, or {@code null} for an invalid context. */
    public static String of(SpanContext span) {
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /**
     * The remote parent a traceparent names, or {@code null} when {@code value} is missing or not a valid version-00
     * traceparent (a client's header or claim is input like any other: a malformed one starts a new trace).
     */
    public static SpanContext parse(String value) {
        if (value == null || value.length() != LENGTH || !value.startsWith("00-") || value.charAt(35) != '-'
                || value.charAt(52) != '-') {
            return null;
        }
        String flags = value.substring(53);
        if (!isHex(flags)) {
            return null;
        }
        SpanContext parent = SpanContext.createFromRemoteParent(value.substring(3, 35), value.substring(36, 52),
                TraceFlags.fromHex(flags, 0), TraceState.getDefault());
        return parent.isValid() ? parent : null;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
