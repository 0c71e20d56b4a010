package dev.coview.room;

import static org.awaitility.Awaitility.await;

import dev.coview.contracts.events.SessionEventType;
import dev.coview.contracts.kafka.Topics;
import dev.coview.contracts.schema.SchemaCatalog;
import dev.coview.local.servers.KafkaClients;
import dev.coview.local.testing.LocalStackResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;

/**
 * Reads {@code coview.session-events} back from the real Kafka broker of deploy/local with a plain
 * {@link KafkaConsumer} (a fresh group reading from the start), keeping only the records of one room.
 */
public final class SessionEvents implements AutoCloseable {

    /** One record as the tests look at it. */
    public record Event(String key, Map<String, String> headers, String value) {
        public String type() {
            return headers.get("ce_type");
        }

        /**
         * Fails unless the value matches the contracts schema of its type, and the previous release's schema (a
         * consumer that has not upgraded) where that release knew the type.
         */
        public Event assertMatchesSchema() {
            String path = "events/" + SessionEventType.fromType(type()).shortName() + ".json";
            SchemaCatalog.assertValid(path, value);
            if (SessionEvents.class.getResource("/compat/schemas/" + path) != null) {
                try {
                    List<String> errors = SchemaCatalog.previousReleaseErrors(path,
                            new com.fasterxml.jackson.databind.ObjectMapper().readTree(value));
                    if (!errors.isEmpty()) {
                        throw new AssertionError("the previous release refuses " + path + ": " + errors);
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new AssertionError("not JSON: " + value, e);
                }
            }
            return this;
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new ArrayList<>();

    public SessionEvents() {
        consumer = KafkaClients.consumer(LocalStackResource.stack().bootstrapServers(), "room-service-test", true);
        consumer.subscribe(List.of(Topics.SESSION_EVENTS));
    }

    /** Polls until {@code count} events of {@code roomId} have arrived (30 s at most); returns them in order. */
    public List<Event> awaitRoom(String roomId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                Map<String, String> headers = new HashMap<>();
                for (Header h : r.headers()) {
                    headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                }
                seen.add(new Event(r.key(), headers, r.value()));
            }
            return ofRoom(roomId).size() >= count;
        });
        return ofRoom(roomId);
    }

    private List<Event> ofRoom(String roomId) {
        return seen.stream().filter(e -> roomId.equals(e.key())).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
