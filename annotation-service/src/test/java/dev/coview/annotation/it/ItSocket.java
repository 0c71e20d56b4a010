package dev.coview.annotation.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.schema.SchemaCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A participant's socket to a packaged instance, opened with the JDK's WebSocket client and the subprotocols a
 * browser sends. Collects the text messages that arrive.
 */
final class ItSocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final java.util.Queue<String> violations = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final WebSocket socket;

    ItSocket(int port, String token) {
        String entry = URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer " + token, StandardCharsets.UTF_8)
                .replace("+", "%20");
        this.socket = HTTP.newWebSocketBuilder()
                .subprotocols("bearer-token-carrier", entry)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/annotations"), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                JsonNode message = JSON.readTree(partial.toString());
                                // Everything the service sends must match the protocol's schema of its type.
                                var errors = SchemaCatalog.errors("annotation/server/"
                                        + message.path("type").asText() + ".json", message);
                                if (!errors.isEmpty()) {
                                    violations.add(errors + " in " + message);
                                }
                                received.add(message);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).join();
    }

    /** Sends in order: each send waits for the previous one (the JDK client allows one outstanding send). */
    void send(String json) {
        socket.sendText(json, true).join();
    }

    JsonNode next() {
        try {
            JsonNode n = received.poll(30, TimeUnit.SECONDS);
            if (!violations.isEmpty()) {
                throw new AssertionError("messages that do not match their schema: " + violations);
            }
            if (n == null) {
                throw new AssertionError("no message within 30 s");
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode poll(long millis) {
        try {
            return received.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }
}
