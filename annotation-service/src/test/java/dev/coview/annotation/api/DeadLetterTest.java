package dev.coview.annotation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Role;
import dev.coview.contracts.kafka.Topics;
import dev.coview.local.servers.KafkaClients;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Poison records on {@code coview.annotations} (written with a plain KafkaProducer against the real broker): each
 * goes to {@code coview.dead-letter} with SmallRye's reason headers, takes no seq, and the valid event after them
 * still reaches the room.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class DeadLetterTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheLogKeepsFlowing() throws Exception {
        String room = TestTokens.randomId();
        String marker = UUID.randomUUID().toString();
        List<String> poison = List.of(
                "garbage " + marker,
                "{\"type\":\"event\",\"eventId\":\"" + marker + "-1\",\"roomId\":\"" + room
                        + "\",\"authorId\":\"a\",\"ts\":1,\"event\":{\"type\":\"teleport\"}}",
                "{\"type\":\"event\",\"roomId\":\"" + room + "\",\"note\":\"" + marker + "-2\"}");
        String valid = UUID.randomUUID().toString();
        String author = TestTokens.randomId();
        try (TestSocket watcher = TestSocket.joined(base, room, Role.OBSERVER)) {
            try (KafkaProducer<String, String> producer = KafkaClients.producer(bootstrap())) {
                for (String p : poison) {
                    producer.send(new ProducerRecord<>(Topics.ANNOTATIONS, room, p)).get();
                }
                producer.send(new ProducerRecord<>(Topics.ANNOTATIONS, room, """
                        {"type":"event","eventId":"%s","roomId":"%s","authorId":"%s","ts":1,"event":%s}"""
                        .formatted(valid, room, author, AnnotationSocketTest.STROKE.formatted("after-poison"))))
                        .get();
            }
            JsonNode e = watcher.expect("event");
            assertThat(e.get("eventId").asText()).isEqualTo(valid);
            assertThat(e.get("seq").asLong()).as("poison takes no seq").isEqualTo(1);
        }

        Map<String, ConsumerRecord<String, String>> dead = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(bootstrap(), "dead-letter-test", true)) {
            consumer.subscribe(List.of(Topics.DEAD_LETTER));
            Awaitility.await("three poison records dead-lettered").atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && r.value().contains(marker)) {
                        dead.put(r.value(), r);
                    }
                }
                return dead.size() == poison.size();
            });
        }
        for (ConsumerRecord<String, String> r : dead.values()) {
            assertThat(r.key()).isEqualTo(room);
            assertThat(header(r, "dead-letter-reason")).isNotBlank();
            assertThat(header(r, "dead-letter-topic")).isEqualTo(Topics.ANNOTATIONS);
            assertThat(header(r, "dead-letter-partition")).isNotBlank();
            assertThat(header(r, "dead-letter-offset")).isNotBlank();
        }
        assertThat(dead.keySet()).containsExactlyInAnyOrderElementsOf(poison);
    }

    private static String bootstrap() {
        return LocalStackResource.stack().bootstrapServers();
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
