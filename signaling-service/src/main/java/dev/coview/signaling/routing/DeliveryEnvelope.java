package dev.coview.signaling.routing;

import dev.coview.support.tracing.TraceParent;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * The text in which a relayed signal crosses a room's channel: {@code d<length of to>:<to><signal JSON>}, not JSON,
 * so the receiving instance reads the addressee and forwards the signal's text to the socket as it is (decoding the
 * whole message and encoding the signal again cost more than the rest of the delivery). JSON bus messages start with
 * '{', so the two never mix up. A traced relay puts {@code t<traceparent>} in front of the envelope; untraced, the
 * bytes are the same as without tracing. The length counts the addressee's chars (UTF-16), as instances of earlier
 * releases wrote it.
 */
final class DeliveryEnvelope {

    static final char DELIVER = 'd';
    static final char TRACED = 't';
    /** Where the envelope starts in a traced message: after {@code t} and the traceparent. */
    static final int TRACED_START = 1 + TraceParent.LENGTH;

    private DeliveryEnvelope() {
    }

    /** {@code d<length of to>:<to><json>}: the length, because an id is not guaranteed free of any separator. */
    static String write(String to, String json) {
        return DELIVER + Integer.toString(to.length()) + ':' + to + json;
    }

    /** {@code t<traceparent><envelope>}, or the envelope as it is without a trace. */
    static String traced(String traceparent, String envelope) {
        return traceparent == null ? envelope : TRACED + traceparent + envelope;
    }

    /** Reads {@code d<n>:<to><json>}; {@code null} if it is not that. */
    static BusMessage.Deliver read(String envelope) {
        int colon = envelope.indexOf(':', 1);
        if (colon < 2 || envelope.charAt(0) != DELIVER) {
            return null;
        }
        int length;
        try {
            length = Integer.parseInt(envelope, 1, colon, 10);
        } catch (NumberFormatException e) {
            return null;
        }
        int end = colon + 1 + length;
        if (length <= 0 || end >= envelope.length()) {
            return null;
        }
        return new BusMessage.Deliver(envelope.substring(colon + 1, end), envelope.substring(end));
    }

    /**
     * Reads the envelope that starts at byte {@code from} of a message as Redis handed it over, decoding the addressee
     * and the signal each straight from the bytes: one copy of the signal where decoding the message and then cutting
     * it took three (the bytes out of the buffer, the message's text, the signal's text); it is the largest
     * allocation of a delivery. An addressee with a char beyond ASCII (its byte count differs from the length, which
     * counts chars) takes the text path, {@link #read(String)}. {@code null} if it is not an envelope.
     */
    static BusMessage.Deliver read(Buffer message, int from) {
        // A view of the same bytes (no copy), whose toString decodes a range straight into a String.
        ByteBuf bytes = message.getByteBuf();
        int size = bytes.writerIndex();
        if (size < from + 4 || bytes.getByte(from) != DELIVER) {
            return null;
        }
        int length = 0;
        int at = from + 1;
        for (; at < size; at++) {
            byte b = bytes.getByte(at);
            if (b == ':') {
                break;
            }
            if (b < '0' || b > '9' || length > 100_000) {
                return null;
            }
            length = length * 10 + (b - '0');
        }
        int start = at + 1;
        int end = start + length;
        if (at == from + 1 || at >= size || length <= 0 || end >= size) {
            return null;
        }
        for (int i = start; i < end; i++) {
            if (bytes.getByte(i) < 0) {
                return read(bytes.toString(from, size - from, StandardCharsets.UTF_8));
            }
        }
        return new BusMessage.Deliver(bytes.toString(start, length, StandardCharsets.US_ASCII),
                bytes.toString(end, size - end, StandardCharsets.UTF_8));
    }
}
