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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A redelivered record (the same event id twice in {@code coview.annotations}, written here with a plain
 * KafkaProducer against the real broker of deploy/local) is applied once: one event to the sockets, one seq.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class DedupeTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aDurableEventDeliveredTwiceIsAppliedOnce() throws Exception {
        String room = TestTokens.randomId();
        String author = TestTokens.randomId();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        try (TestSocket watcher = TestSocket.joined(base, room, Role.OBSERVER)) {
            try (KafkaProducer<String, String> producer = KafkaClients.producer(
                    LocalStackResource.stack().bootstrapServers())) {
                producer.send(new ProducerRecord<>(Topics.ANNOTATIONS, room, record(first, room, author, "d1"))).get();
                producer.send(new ProducerRecord<>(Topics.ANNOTATIONS, room, record(first, room, author, "d1"))).get();
                producer.send(new ProducerRecord<>(Topics.ANNOTATIONS, room, record(second, room, author, "d2"))).get();
            }
            List<String> ids = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            while (!ids.contains(second)) {
                JsonNode e = watcher.expect("event");
                ids.add(e.get("eventId").asText());
                seqs.add(e.get("seq").asLong());
            }
            assertThat(ids).containsExactly(first, second);
            assertThat(seqs).containsExactly(1L, 2L);
        }
        try (TestSocket late = TestSocket.open(base, room, Role.OBSERVER)) {
            JsonNode state = late.expect("state");
            assertThat(state.get("seq").asLong()).isEqualTo(2);
            assertThat(state.get("elements").size()).isEqualTo(2);
        }
    }

    private static String record(String eventId, String room, String author, String strokeId) {
        return """
                {"type":"event","eventId":"%s","roomId":"%s","authorId":"%s","ts":%d,"event":%s}"""
                .formatted(eventId, room, author, System.currentTimeMillis(),
                        AnnotationSocketTest.STROKE.formatted(strokeId));
    }
}
