package dev.coview.signaling.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.schema.SchemaCatalog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a test client received on its socket: the JSON messages in order and the close code. Every message is
 * validated against contracts' {@code schemas/signal/server-signal.json}; taking a message fails the test if any
 * message so far broke the schema. Shared by the websockets-next client of the {@code *Test}s and the JDK client of
 * the {@code *IT}s.
 */
public final class Received {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    public void message(String text) {
        List<String> errors = SchemaCatalog.errors("signal/server-signal.json", text);
        if (!errors.isEmpty()) {
            violations.add(text + " " + errors);
        }
        try {
            messages.add(JSON.readTree(text));
        } catch (Exception e) {
            throw new IllegalStateException("server sent something that is not JSON: " + text, e);
        }
    }

    private volatile String closeReason = "";

    public void closed(int code) {
        closed(code, "");
    }

    public void closed(int code, String reason) {
        closeReason = reason == null ? "" : reason;
        closed.complete(code);
    }

    /** The close reason, once the socket closed within {@code timeout}. */
    public String closeReason(Duration timeout) {
        closeCode(timeout);
        return closeReason;
    }

    /** The next message, which must arrive within {@code timeout} and have the given {@code type}. */
    public JsonNode next(String type, Duration timeout) {
        JsonNode m;
        try {
            m = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
        assertThat(violations).as("messages that break server-signal.json").isEmpty();
        assertThat(m).as("a '%s' message within %s", type, timeout).isNotNull();
        assertThat(m.path("type").asText()).as("type of %s", m).isEqualTo(type);
        return m;
    }

    /** The next message of the given type, skipping others (e.g. error replies of a flood). */
    public JsonNode nextOfType(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode m;
            try {
                m = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
            assertThat(m).as("a '%s' message within %s", type, timeout).isNotNull();
            if (m.path("type").asText().equals(type)) {
                return m;
            }
        }
    }

    /** The close code, which must come within {@code timeout}. */
    public int closeCode(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("socket not closed within " + timeout, e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Messages received and not yet taken. */
    public int pending() {
        return messages.size();
    }
}
