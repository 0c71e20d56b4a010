package dev.coview.bench.core;

import dev.coview.local.servers.ServiceInstance;
import io.vertx.core.Handler;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bench's WebSocket clients, opened as the services expect a non-browser client: the token in the
 * bearer-carrier subprotocols, no {@code Origin}.
 */
public final class BenchSockets {

    private BenchSockets() {
    }

    /** Client options for hundreds of sockets to one instance; the caller adds its frame and message sizes. */
    public static WebSocketClientOptions clientOptions() {
        return new WebSocketClientOptions()
                // Vert.x allows 50 sockets per host by default; the bench opens hundreds to each instance.
                .setMaxConnections(20_000)
                .setConnectTimeout(10_000);
    }

    /**
     * Opens {@code path} on {@code instance} with {@code token} and waits (10 s at most) until it is open.
     *
     * <p>The handlers are set before the socket connects. Set after the wait returned they missed what came in
     * between (a signaling peer's welcome, an annotation room's state); set by a listener on the connect future they
     * still did when the future completed before the caller's thread added the listener (the listener then runs on
     * the caller's thread while the event loop already reads frames), the likely cause of the "join race" of
     * bench/results/TUNING-tail.md (1 of 400 peers never saw its welcome, in 5 of 26 pinned runs).
     *
     * @param onClose {@code null} when the caller does not count closes
     */
    public static WebSocket connect(WebSocketClient client, ServiceInstance instance, String path, String token,
                                    Handler<String> onText, Handler<Void> onClose) throws Exception {
        String carrier = URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer " + token,
                StandardCharsets.UTF_8).replace("+", "%20");
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost("127.0.0.1").setPort(instance.port()).setURI(path)
                .setSubProtocols(List.of("bearer-token-carrier", carrier))
                // Vert.x sends an Origin by default; a non-browser client has none (browsers get the allowlist).
                .setAllowOriginHeader(false);
        ClientWebSocket socket = client.webSocket().textMessageHandler(onText);
        if (onClose != null) {
            socket.closeHandler(onClose);
        }
        return socket.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
