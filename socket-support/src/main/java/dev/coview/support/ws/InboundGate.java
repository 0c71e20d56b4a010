package dev.coview.support.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.contracts.ws.ErrorCodes;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;

/**
 * The inbound path both sockets share, from a text frame to a message or to the protocol's answer: a frame over the
 * flood budget is dropped with {@code error rate-limited} or, out of strikes, closes the socket with 1008; a frame
 * that is not a JSON object closes it with 1007; an unknown {@code type} gets {@code error unknown-type} and a
 * known type with wrong fields {@code error invalid-message} (the socket stays open); a message larger than the
 * service's limit closes it with 1009 ({@link #failed}). Codes are contracts' {@link ErrorCodes} and
 * {@link CloseCodes}; the texts are the same on both sockets (the web client shows its own words for the codes).
 *
 * @param <T> the socket's sealed inbound message interface
 */
public final class InboundGate<T> {

    /** The error text of a frame dropped over the rate. */
    public static final String RATE_LIMITED = "too many messages; this one was dropped";
    /** The close reason of a flood (1008). */
    public static final String FLOOD = "too many messages";
    /** How the error text of an unknown {@code type} starts; the type follows. */
    public static final String UNKNOWN_TYPE = "unknown message type: ";
    /** The close reason of an unexpected failure (1011). */
    public static final String INTERNAL_ERROR = "internal error";

    /** What a socket does with a message the gate let through, and how it answers one the gate refused. */
    public interface Receiver<T> {
        /** Handles a well-formed message. */
        Uni<Void> accept(T message);

        /** Sends {@code {type: "error", code, message}}; the socket stays open. */
        Uni<Void> error(String code, String message);

        /** Closes the socket with {@code code} and {@code reason}. */
        Uni<Void> close(int code, String reason);
    }

    private final InboundDecoder<T> decoder;
    private final Function<String, ? extends T> fastPath;
    private final String tooBig;

    /**
     * @param maxMessageBytes the service's message limit (its {@code max-message-size}), named in the 1009 reason
     */
    public InboundGate(ObjectMapper mapper, Class<T> type, int maxMessageBytes) {
        this(mapper, type, maxMessageBytes, text -> null);
    }

    /**
     * @param fastPath reads the commonest frames without Jackson; {@code null} for any other frame, which is decoded
     */
    public InboundGate(ObjectMapper mapper, Class<T> type, int maxMessageBytes, Function<String, ? extends T> fastPath) {
        this.decoder = new InboundDecoder<>(mapper, type);
        this.fastPath = fastPath;
        this.tooBig = "message larger than " + size(maxMessageBytes);
    }

    /**
     * Passes one frame: the message to {@code receiver.accept}, or the protocol's answer.
     *
     * @param verdict the flood guard's verdict on this frame (the socket's, or tighter budgets the service keeps)
     */
    public Uni<Void> pass(FloodGuard.Verdict verdict, String text, Receiver<T> receiver) {
        if (verdict == FloodGuard.Verdict.DROP) {
            return receiver.error(ErrorCodes.RATE_LIMITED, RATE_LIMITED);
        }
        if (verdict == FloodGuard.Verdict.CLOSE) {
            Log.infof("closing a flooding socket");
            return receiver.close(CloseCodes.POLICY_VIOLATION, FLOOD);
        }
        T fast = fastPath.apply(text);
        if (fast != null) {
            return receiver.accept(fast);
        }
        InboundDecoder.Result<T> decoded = decoder.decode(text);
        if (decoded instanceof InboundDecoder.Result.Ok<T> ok) {
            return receiver.accept(ok.message());
        }
        if (decoded instanceof InboundDecoder.Result.UnknownType<T> unknown) {
            return receiver.error(ErrorCodes.UNKNOWN_TYPE, UNKNOWN_TYPE + unknown.type());
        }
        if (decoded instanceof InboundDecoder.Result.Invalid<T> invalid) {
            return receiver.error(ErrorCodes.INVALID_MESSAGE, invalid.reason());
        }
        return receiver.close(CloseCodes.INVALID_PAYLOAD, ((InboundDecoder.Result.Malformed<T>) decoded).reason());
    }

    /**
     * A socket's failure: Vert.x refusing a message over {@code max-message-size} closes with 1009 (the client's
     * fault, said in the reason); a single frame over it has been closed with 1009 by netty already, and only gets
     * a line in the log (a client's fault is not an operator's error); anything else is unexpected, logged with its
     * stack, and closes with 1011.
     */
    public Uni<Void> failed(Throwable failure, Receiver<T> receiver) {
        if (SocketFailures.isOversizedFrame(failure)) {
            Log.infof("a client's frame was a %s; netty closed the socket with 1009", tooBig);
            return Uni.createFrom().voidItem();
        }
        if (SocketFailures.isOversizedMessage(failure)) {
            return receiver.close(CloseCodes.MESSAGE_TOO_BIG, tooBig);
        }
        Log.warnf(failure, "closing a socket after an unexpected failure");
        return receiver.close(CloseCodes.INTERNAL_ERROR, INTERNAL_ERROR);
    }

    /** {@code 64 KiB} for 65536; bytes when not a whole number of KiB. */
    static String size(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
