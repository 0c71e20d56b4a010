package dev.coview.signaling.testing;

import dev.coview.local.testing.Subprotocols;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import java.net.URI;
import java.time.Duration;

/**
 * A signaling socket as a browser opens it, on websockets-next's {@link BasicWebSocketConnector} (one fresh
 * connector per connection): the token in the bearer-carrier subprotocols, an {@code Origin} header.
 *
 * @param connection websockets-next's client connection
 * @param received   what it received
 */
public record SignalClient(WebSocketClientConnection connection, Received received) implements AutoCloseable {

    public static final String ORIGIN = "http://localhost:8080";
    public static final Duration WAIT = Duration.ofSeconds(10);

    /** Connects; throws if the upgrade is refused. */
    public static SignalClient connect(URI base, String token) {
        return connect(base, "/ws/signal", token, ORIGIN);
    }

    public static SignalClient connect(URI base, String path, String token, String origin) {
        Received received = new Received();
        BasicWebSocketConnector connector = BasicWebSocketConnector.create()
                .baseUri(base)
                .path(path)
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, m) -> received.message(m))
                .onClose((c, reason) -> received.closed(reason.getCode(), reason.getMessage()));
        if (origin != null) {
            connector.addHeader("Origin", origin);
        }
        for (String p : Subprotocols.forToken(token)) {
            connector.addSubprotocol(p);
        }
        return new SignalClient(connector.connectAndAwait(), received);
    }

    public void send(String json) {
        connection.sendTextAndAwait(json);
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.closeAndAwait();
        }
    }
}
