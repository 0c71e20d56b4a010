package dev.coview.support.ws;

import dev.coview.contracts.ws.CloseCodes;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;

/**
 * How a socket failure maps to the protocol's close codes. websockets-next closes with 1011 on any error a
 * handler does not take; one of them is really the client's fault and has a code of its own.
 */
public final class SocketFailures {

    private SocketFailures() {
    }

    /**
     * Whether {@code failure} is Vert.x refusing a message over {@code max-message-size}. It has no exception
     * type of its own, only an {@link IllegalStateException} whose message names the limit, so the match lives
     * here, once, for both sockets.
     */
    public static boolean isOversizedMessage(Throwable failure) {
        return failure instanceof IllegalStateException && failure.getMessage() != null
                && failure.getMessage().contains("max message size");
    }

    /**
     * Whether {@code failure} is netty refusing a single frame over {@code max-frame-size}. Its decoder has already
     * sent the client a close with 1009 and closed the socket before any handler hears of it, so there is nothing
     * left to close: a close now would only log "Connection already closed".
     */
    public static boolean isOversizedFrame(Throwable failure) {
        return failure instanceof CorruptedWebSocketFrameException corrupted && corrupted.closeStatus() != null
                && corrupted.closeStatus().code() == CloseCodes.MESSAGE_TOO_BIG;
    }

    /** 1009 for an oversized message, 1011 for anything else. */
    public static int closeCodeFor(Throwable failure) {
        return isOversizedMessage(failure) ? CloseCodes.MESSAGE_TOO_BIG : CloseCodes.INTERNAL_ERROR;
    }
}
