package dev.coview.local.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Test sockets on the JDK's own WebSocket client, opened as a browser opens them: the token in the bearer-carrier
 * subprotocols ({@link Subprotocols}), an {@code Origin}. One HTTP client serves every socket of the test JVM.
 */
public final class JdkWebSockets {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private JdkWebSockets() {
    }

    /**
     * Opens {@code pathAndQuery} on 127.0.0.1:{@code port}; returns once upgraded.
     *
     * @param token  {@code null} for no token at all (no subprotocols)
     * @param origin {@code null} for no {@code Origin} header
     * @throws ExecutionException with a {@link java.net.http.WebSocketHandshakeException} as its cause when the
     *                            upgrade is refused
     */
    public static WebSocket open(int port, String pathAndQuery, String token, String origin,
                                 WebSocket.Listener listener)
            throws InterruptedException, ExecutionException, TimeoutException {
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) {
            b.header("Origin", origin);
        }
        if (token != null) {
            b.subprotocols(Subprotocols.CARRIER, Subprotocols.carrierFor(token));
        }
        return b.buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), listener).get(20, TimeUnit.SECONDS);
    }

    /** Starts the close handshake (1000) unless the socket's output is closed already; does not wait for it. */
    public static void closeNormally(WebSocket socket) {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
    }
}
