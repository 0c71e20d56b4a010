package dev.coview.annotation.rooms;

import dev.coview.contracts.ws.CloseCodes;
import dev.coview.support.ws.FrameWriter;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Handler;

/**
 * One socket of a room, written to with back-pressure in mind: a socket whose write queue is full (the client or
 * its network does not keep up) is still written to for a grace period, then closed with
 * {@link CloseCodes#TRY_AGAIN_LATER} (its client reconnects and starts again from a fresh state) rather than
 * buffering the room's traffic for it without end. Guarded by its room's monitor.
 */
final class RoomSocket {

    final WebSocketConnection connection;
    final String participantId;
    /** When it joined (epoch millis): which of a participant's sockets is the newest. */
    final long joinedAt;
    private final Handler<Throwable> dropped;
    /** When the write queue was first seen full without draining since ({@link System#nanoTime()}); 0: not full. */
    private long fullSince;
    private boolean closed;

    RoomSocket(WebSocketConnection connection, String participantId, long joinedAt, Handler<Throwable> dropped) {
        this.connection = connection;
        this.participantId = participantId;
        this.joinedAt = joinedAt;
        this.dropped = dropped;
    }

    /**
     * Writes one frame, unless the write queue has stayed full for longer than {@code graceNanos}: then the socket is
     * closed instead.
     *
     * @return {@code false} when the socket was closed as too slow (the room forgets it)
     */
    boolean write(String frame, long nowNanos, long graceNanos) {
        if (closed) {
            return false;
        }
        if (FrameWriter.writeQueueFull(connection)) {
            if (fullSince == 0) {
                fullSince = nowNanos;
            } else if (nowNanos - fullSince > graceNanos) {
                Log.infof("closing socket %s: its write queue stayed full for %d ms", connection.id(),
                        (nowNanos - fullSince) / 1_000_000);
                close(CloseCodes.TRY_AGAIN_LATER, "too slow: reconnect");
                return false;
            }
        } else {
            fullSince = 0;
        }
        FrameWriter.sendText(connection, frame).onFailure(dropped);
        return true;
    }

    void close(int code, String reason) {
        closed = true;
        connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {
        }, e -> Log.debugf("closing socket %s: %s", connection.id(), e.getMessage()));
    }
}
