package dev.coview.signaling.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.coview.contracts.signal.ServerSignal;
import dev.coview.contracts.signal.Welcome;
import dev.coview.signaling.routing.PeerSocket;
import dev.coview.support.ws.FrameWriter;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * A websockets-next connection as a {@link PeerSocket}. The {@code welcome} goes first: whatever is sent to the
 * socket before it (a {@code peer-joined} of a participant who joined at the same moment) is held and follows it.
 * Remembers the close code the service chose, so that the close handler knows why its socket closed (the client's
 * echo of the close frame may differ).
 */
final class ConnectionSocket implements PeerSocket {

    private final WebSocketConnection connection;
    private final ObjectWriter writer;
    private volatile int closeCode;
    private boolean welcomed;
    private final List<String> early = new ArrayList<>();
    /** One failure handler per socket: nothing is allocated per message to report a rare failed write. */
    private final Handler<Throwable> dropped;

    ConnectionSocket(WebSocketConnection connection, ObjectWriter writer) {
        this.connection = connection;
        this.writer = writer;
        this.dropped = e -> Log.debugf("dropped a message to closed socket %s: %s", connection.id(), e.getMessage());
    }

    @Override
    public String connectionId() {
        return connection.id();
    }

    @Override
    public void send(ServerSignal message) {
        String json;
        try {
            json = writer.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            Log.errorf("cannot serialize %s: %s", message.getClass().getSimpleName(), e.getMessage());
            return;
        }
        send(json, message instanceof Welcome);
    }

    @Override
    public void sendJson(String json) {
        send(json, false);
    }

    private void send(String json, boolean welcome) {
        List<String> flush;
        synchronized (this) {
            if (!welcomed && !welcome) {
                // Another participant's join may reach this socket before its own join has finished: hold it.
                early.add(json);
                return;
            }
            if (welcomed) {
                write(json);
                return;
            }
            flush = List.copyOf(early);
            welcomed = true;
            early.clear();
            // Written while holding the lock, so the held messages cannot overtake the welcome.
            write(json);
            flush.forEach(this::write);
        }
    }

    private void write(String json) {
        if (connection.isClosed()) {
            return;
        }
        FrameWriter.sendText(connection, json).onFailure(dropped);
    }

    @Override
    public void close(int code, String reason) {
        synchronized (this) {
            // The first reason wins; messages still queued behind a flood must not close it again.
            if (closeCode != 0) {
                return;
            }
            closeCode = code;
        }
        connection.close(new CloseReason(code, reason)).subscribe().with(ok -> { },
                e -> Log.debugf("closing socket %s: %s", connection.id(), e.getMessage()));
    }

    /** Whether the service has started closing this socket. */
    boolean closing() {
        return closeCode != 0 || connection.isClosed();
    }

    /** The code the service closed this socket with, 0 when it did not (the client closed or the link broke). */
    int closeCode() {
        return closeCode;
    }
}
