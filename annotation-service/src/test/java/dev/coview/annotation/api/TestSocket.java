package dev.coview.annotation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.auth.Role;
import dev.coview.contracts.schema.SchemaCatalog;
import dev.coview.local.testing.Subprotocols;
import dev.coview.local.testing.TestTokens;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One participant's socket in a test, opened with a fresh {@link BasicWebSocketConnector} and the subprotocols a
 * browser sends ({@code bearer-token-carrier} plus the URI-encoded bearer entry). Collects what arrives.
 */
final class TestSocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String participantId;
    private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final java.util.Queue<String> violations = new java.util.concurrent.ConcurrentLinkedQueue<>();
    final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final WebSocketClientConnection connection;

    private TestSocket(URI base, String token, String participantId) {
        this.participantId = participantId;
        this.connection = BasicWebSocketConnector.create()
                .baseUri(base)
                .path("/ws/annotations")
                // As the web client served by room-service (an allowed origin) would.
                .addHeader("Origin", "http://localhost:8080")
                // On the event loop, one message after the other: the default (blocking) model hands messages to
                // worker threads, which may queue them out of order and hide or fake an ordering bug.
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .addSubprotocol(Subprotocols.CARRIER)
                .addSubprotocol(Subprotocols.carrierFor(token))
                .onTextMessage((c, text) -> {
                    try {
                        JsonNode message = JSON.readTree(text);
                        // Everything the service sends must match the protocol's schema of its type.
                        var errors = SchemaCatalog.errors("annotation/server/" + message.path("type").asText()
                                + ".json", message);
                        if (!errors.isEmpty()) {
                            violations.add(errors + " in " + text);
                        }
                        received.add(message);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .onClose((c, reason) -> closed.complete(reason))
                .connectAndAwait();
    }

    static TestSocket open(URI base, String roomId, Role role) {
        String id = TestTokens.randomId();
        return new TestSocket(base, TestTokens.token(roomId, id, role), id);
    }

    /** A fresh participant's socket once the room's state, its first message, has arrived. */
    static TestSocket joined(URI base, String roomId, Role role) {
        TestSocket socket = open(base, roomId, role);
        try {
            socket.expect("state");
            return socket;
        } catch (RuntimeException | AssertionError e) {
            socket.close();
            throw e;
        }
    }

    /** A socket opened with {@code token}, the token of participant {@code participantId}. */
    static TestSocket open(URI base, String token, String participantId) {
        return new TestSocket(base, token, participantId);
    }

    void send(String json) {
        connection.sendTextAndAwait(json);
    }

    /** The next message, failing after 15 s. */
    JsonNode next() {
        try {
            JsonNode n = received.poll(15, TimeUnit.SECONDS);
            assertThat(violations).as("messages that do not match their schema").isEmpty();
            assertThat(n).as("a message within 15 s").isNotNull();
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Skips messages until one matches. */
    JsonNode next(Predicate<JsonNode> wanted) {
        while (true) {
            JsonNode n = next();
            if (wanted.test(n)) {
                return n;
            }
        }
    }

    /** The next message, which must be of {@code type}. */
    JsonNode expect(String type) {
        JsonNode n = next();
        assertThat(n.get("type").asText()).as("message %s", n).isEqualTo(type);
        return n;
    }

    /** The next {@code event} whose inner type is {@code eventType}, skipping others. */
    JsonNode event(String eventType) {
        return next(n -> n.get("type").asText().equals("event")
                && n.at("/event/type").asText().equals(eventType));
    }

    /**
     * Sends {@code json} every 500 ms until its event comes back: pointer consumers start at the end of their
     * topic, so the first moves after a start may predate their partition assignment.
     */
    JsonNode pollEvent(String eventType, String json, TestSocket sender) {
        for (int attempt = 0; attempt < 30; attempt++) {
            sender.send(json);
            try {
                JsonNode n = received.poll(500, TimeUnit.MILLISECONDS);
                while (n != null) {
                    if (n.get("type").asText().equals("event") && n.at("/event/type").asText().equals(eventType)) {
                        return n;
                    }
                    n = received.poll(100, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no " + eventType + " event came back");
    }

    /** Whatever has arrived and was not read yet. */
    java.util.List<JsonNode> drain() {
        java.util.List<JsonNode> all = new java.util.ArrayList<>();
        received.drainTo(all);
        return all;
    }

    CloseReason awaitClose() {
        return closed.orTimeout(15, TimeUnit.SECONDS).join();
    }

    /** Closes as a browser does when its page unloads (tab closed, reload): 1001, going away. */
    void goAway() {
        connection.closeAndAwait(new io.quarkus.websockets.next.CloseReason(1001, "page unloaded"));
    }

    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.closeAndAwait();
        }
    }
}
