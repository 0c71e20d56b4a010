package dev.coview.annotation.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.schema.SchemaCatalog;
import dev.coview.local.testing.JdkWebSockets;
import dev.coview.local.testing.WholeTexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.WebSocket;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A participant's socket to a packaged instance, opened with the JDK's WebSocket client and the subprotocols a
 * browser sends. Collects the text messages that arrive.
 */
final class ItSocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final java.util.Queue<String> violations = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final WebSocket socket;

    ItSocket(int port, String token) {
        try {
            this.socket = JdkWebSockets.open(port, "/ws/annotations", token, null,
                    new WholeTexts(this::message, (code, reason) -> { }, error -> { }));
        } catch (Exception e) {
            throw new IllegalStateException("cannot open /ws/annotations on port " + port, e);
        }
    }

    private void message(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            // Everything the service sends must match the protocol's schema of its type.
            var errors = SchemaCatalog.errors("annotation/server/" + message.path("type").asText() + ".json",
                    message);
            if (!errors.isEmpty()) {
                violations.add(errors + " in " + message);
            }
            received.add(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
