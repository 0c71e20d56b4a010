package dev.coview.signaling.testing;

import dev.coview.local.testing.JdkWebSockets;
import dev.coview.local.testing.WholeTexts;
import java.net.http.WebSocket;

/**
 * A signaling socket on the JDK's own WebSocket client, for tests outside a Quarkus JVM (the {@code *IT}s against
 * packaged instances): bearer-carrier subprotocols and an {@code Origin}, as a browser sends them.
 *
 * @param socket   the JDK's socket
 * @param received what it received
 */
public record JdkSignalClient(WebSocket socket, Received received) implements AutoCloseable {

    public static JdkSignalClient connect(int port, String token) {
        Received received = new Received();
        try {
            WebSocket ws = JdkWebSockets.open(port, "/ws/signal", token, SignalClient.ORIGIN,
                    new WholeTexts(received::message, received::closed, error -> received.closed(1006)));
            return new JdkSignalClient(ws, received);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open a signaling socket on port " + port, e);
        }
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Drops the connection without a close handshake's goodbye semantics (no {@code bye}), like a lost network. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        JdkWebSockets.closeNormally(socket);
    }
}
