package dev.coview.signaling.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A signaling socket on the JDK's own WebSocket client, for tests outside a Quarkus JVM (the {@code *IT}s against
 * packaged instances): bearer-carrier subprotocols and an {@code Origin}, as a browser sends them.
 */
public final class JdkSignalClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final Received received;

    private JdkSignalClient(WebSocket socket, Received received) {
        this.socket = socket;
        this.received = received;
    }

    public static JdkSignalClient connect(int port, String token) {
        Received received = new Received();
        List<String> protocols = Subprotocols.forToken(token);
        try {
            WebSocket ws = HTTP.newWebSocketBuilder()
                    .header("Origin", SignalClient.ORIGIN)
                    .subprotocols(protocols.get(0), protocols.subList(1, protocols.size()).toArray(String[]::new))
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/signal"), new Listener(received))
                    .get(15, TimeUnit.SECONDS);
            return new JdkSignalClient(ws, received);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open a signaling socket on port " + port, e);
        }
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    public Received received() {
        return received;
    }

    /** Drops the connection without a close handshake's goodbye semantics (no {@code bye}), like a lost network. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final Received received;
        private final StringBuilder partial = new StringBuilder();

        Listener(Received received) {
            this.received = received;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.message(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            received.closed(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            received.closed(1006);
        }
    }
}
