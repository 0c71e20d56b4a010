package dev.coview.reliability.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.schema.SchemaCatalog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What one test socket received: the messages in order, each checked against contracts' schemas
 * ({@code schemas/signal/server-signal.json} unless told otherwise), every raw text (for the leak checks) and the
 * close code.
 */
public final class Inbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final List<String> raw = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.function.Function<String, List<String>> schema;

    /** Messages checked against {@code schemas/signal/server-signal.json}. */
    public Inbox() {
        this(text -> SchemaCatalog.errors("signal/server-signal.json", text));
    }

    /** Messages checked by {@code schema}, which answers the violations of one text (empty: valid). */
    public Inbox(java.util.function.Function<String, List<String>> schema) {
        this.schema = schema;
    }

    void message(String text) {
        raw.add(text);
        if (text.startsWith("{\"type\":\"error\"")) {
            errors.incrementAndGet();
        }
        List<String> errors = schema.apply(text);
        if (!errors.isEmpty()) {
            violations.add(text + " " + errors);
        }
        try {
            messages.add(JSON.readTree(text));
        } catch (Exception e) {
            violations.add("not JSON: " + text);
        }
    }

    /** Something went wrong on the client side of the socket: reported with the next {@link #poll}. */
    void failed(String what) {
        violations.add(what);
    }

    void closed(int code) {
        closed.complete(code);
    }

    /** The next message, which must arrive within {@code timeout} and have the given {@code type}. */
    public JsonNode next(String type, Duration timeout) {
        JsonNode m = poll(timeout);
        assertThat(m).as("a '%s' message within %s (socket closed: %s, %d messages so far)", type, timeout,
                closed.getNow(null), raw.size()).isNotNull();
        assertThat(m.path("type").asText()).as("type of %s", m).isEqualTo(type);
        return m;
    }

    /**
     * A late joiner's room state as the client assembles it: the {@code state.elements} parts that come first, then
     * the {@code state} with the last elements; returned as one {@code state} holding every element in order.
     */
    public JsonNode nextState(Duration timeout) {
        com.fasterxml.jackson.databind.node.ArrayNode elements = JSON.createArrayNode();
        while (true) {
            JsonNode m = poll(timeout);
            assertThat(m).as("the room state within %s", timeout).isNotNull();
            String type = m.path("type").asText();
            assertThat(type).as("type of %s", m).isIn("state.elements", "state");
            elements.addAll((com.fasterxml.jackson.databind.node.ArrayNode) m.get("elements"));
            if (type.equals("state")) {
                com.fasterxml.jackson.databind.node.ObjectNode whole = m.deepCopy();
                whole.set("elements", elements);
                return whole;
            }
        }
    }

    /** The next message of the given type, skipping others. */
    public JsonNode nextOfType(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode m = left <= 0 ? null : poll(Duration.ofNanos(left));
            assertThat(m).as("a '%s' message within %s", type, timeout).isNotNull();
            if (m.path("type").asText().equals(type)) {
                return m;
            }
        }
    }

    /** The next message, or {@code null} if none came within {@code timeout}. */
    public JsonNode poll(Duration timeout) {
        try {
            JsonNode m = messages.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            assertThat(violations).as("messages that break the server schema").isEmpty();
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
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

    /** The close code if the socket closes within {@code timeout}, else -1 (still open). */
    public int closeCodeWithin(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return -1;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** The close code, or -1 while open. */
    public int closeCodeNow() {
        return closed.getNow(-1);
    }

    /** How many {@code error} messages arrived so far. */
    public int errors() {
        return errors.get();
    }

    /** Every text received so far, as sent. */
    public List<String> raw() {
        return List.copyOf(raw);
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Messages received and not yet taken. */
    public int pending() {
        return messages.size();
    }
}
