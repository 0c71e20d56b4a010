package dev.coview.support.ws;

import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocketBase;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.jboss.logging.Logger;

/**
 * Writes a text frame straight to the Vert.x WebSocket under a websockets-next connection. The public
 * {@link WebSocketConnection#sendText(String)} wraps every write in a lazy {@code Uni} over a
 * {@code CompletionStage} over the Vert.x future, whose callbacks context propagation wraps again: on the relay
 * paths (tens of thousands of frames a second, each written to several sockets) that wrapping cost about as much
 * CPU as the write itself (JFR, issue 11). The Vert.x write is what {@code sendText} ends in anyway, so ordering,
 * back-pressure and the thread hop (a write from another thread is queued on the socket's event loop) are the
 * same; what it skips is websockets-next's traffic logging and outbound-message metrics, which CoView leaves off.
 *
 * <p>websockets-next keeps the Vert.x socket behind a package-private accessor; it is looked up once. Should a
 * Quarkus upgrade move it, every write falls back to {@code sendText} (same behaviour, slower) and
 * {@link #direct()} turns false, which {@code FrameWriterTest} checks, so an upgrade cannot lose the fast path
 * unnoticed.
 */
public final class FrameWriter {

    private static final String BASE = "io.quarkus.websockets.next.runtime.WebSocketConnectionBase";
    private static final MethodHandle WEB_SOCKET = find();

    private FrameWriter() {
    }

    /** Whether writes go straight to the Vert.x socket (else through {@code sendText}). */
    public static boolean direct() {
        return WEB_SOCKET != null;
    }

    /**
     * Writes one text frame; may be called from any thread. The future fails when the socket is closed or the
     * write fails; nobody has to wait for it.
     */
    public static Future<Void> sendText(WebSocketConnection connection, String text) {
        if (WEB_SOCKET != null) {
            try {
                // invokeExact on the handle's erased type: no adaptation per call.
                Object socket = (Object) WEB_SOCKET.invokeExact((Object) connection);
                return ((WebSocketBase) socket).writeTextMessage(text);
            } catch (ClassCastException notVertx) {
                // A connection of another implementation (none in CoView): the public path below.
            } catch (Throwable unexpected) {
                return Future.failedFuture(unexpected);
            }
        }
        return Future.fromCompletionStage(connection.sendText(text).subscribeAsCompletionStage());
    }

    /**
     * The Vert.x socket under a websockets-next connection, or {@code null} when it cannot be reached (another
     * implementation, or internals that moved).
     */
    static WebSocketBase webSocket(WebSocketConnection connection) {
        if (WEB_SOCKET != null) {
            try {
                return (WebSocketBase) (Object) WEB_SOCKET.invokeExact((Object) connection);
            } catch (Throwable notVertx) {
                return null;
            }
        }
        return null;
    }

    /**
     * Whether the socket's write queue is over its high-water mark (its client or network does not keep up); false
     * when the Vert.x socket cannot be reached.
     */
    public static boolean writeQueueFull(WebSocketConnection connection) {
        if (WEB_SOCKET != null) {
            try {
                Object socket = (Object) WEB_SOCKET.invokeExact((Object) connection);
                return ((WebSocketBase) socket).writeQueueFull();
            } catch (Throwable notVertx) {
                return false;
            }
        }
        return false;
    }

    private static MethodHandle find() {
        try {
            Class<?> base = Class.forName(BASE, false, WebSocketConnection.class.getClassLoader());
            MethodHandle handle = MethodHandles.privateLookupIn(base, MethodHandles.lookup())
                    .findVirtual(base, "webSocket", MethodType.methodType(WebSocketBase.class));
            return handle.asType(MethodType.methodType(Object.class, Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            Logger.getLogger(FrameWriter.class).warnf(
                    "websockets-next internals changed (%s): frames are written through sendText", e);
            return null;
        }
    }
}
