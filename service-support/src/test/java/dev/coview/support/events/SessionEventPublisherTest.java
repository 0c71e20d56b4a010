package dev.coview.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.events.SessionEventType;
import dev.coview.contracts.kafka.Topics;
import dev.coview.local.LocalStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Publishes a session event through the real Kafka broker of deploy/local and reads it back with a plain
 * consumer: CloudEvents 1.0 binary mode headers, JSON data, room id as the key.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class SessionEventPublisherTest {

    record Sample(String roomId, String who) {
    }

    @Inject
    SessionEventPublisher publisher;

    @Test
    void publishesACloudEventInBinaryModeKeyedByRoom() {
        String roomId = "room-" + UUID.randomUUID();
        publisher.publish(SessionEventType.ROOM_CREATED, roomId, new Sample(roomId, "agent-1"))
                .await().atMost(Duration.ofSeconds(30));

        ConsumerRecord<String, String> record = readBack(roomId);
        assertThat(record.value()).isEqualTo("{\"roomId\":\"" + roomId + "\",\"who\":\"agent-1\"}");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo("dev.coview.room.created");
        assertThat(header(record, "ce_source")).isEqualTo("/rooms/" + roomId);
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(OffsetDateTime.parse(header(record, "ce_time"))).isNotNull();
        assertThat(header(record, "content-type")).isEqualTo("application/json");
    }

    private static ConsumerRecord<String, String> readBack(String roomId) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.stack().bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.SESSION_EVENTS));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (roomId.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
