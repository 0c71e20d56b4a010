package dev.coview.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.coview.contracts.events.SessionEventType;
import dev.coview.contracts.kafka.Topics;
import dev.coview.examples.kafka.SessionEventConsumer;
import dev.coview.local.testing.LocalStackResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The Kafka consumer example against the real Kafka broker of deploy/local: it reads binary-mode CloudEvents as
 * CoView's publisher writes them, with the CRM record of the room, skips a type it does not know, reads a payload
 * with a field added later, and handles a redelivered event once.
 */
class SessionEventConsumerTest {

    @Test
    void readsCoViewsEventsFollowingTheConsumerRules() throws Exception {
        String room = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        String created = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, room, created, "dev.coview.room.created",
                    "{\"roomId\":\"" + room + "\",\"agentId\":\"a\",\"addedLater\":{\"x\":1}}");
            send(producer, room, created, "dev.coview.room.created", "{\"roomId\":\"" + room + "\"}"); // redelivered
            send(producer, room, UUID.randomUUID().toString(), "dev.coview.room.teleported", "{}");    // from the future
            send(producer, room, UUID.randomUUID().toString(), "dev.coview.room.ended",
                    "{\"roomId\":\"" + room + "\",\"endedBy\":\"a\"}");
        }
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<SessionEventConsumer.SessionEvent> handled = new ArrayList<>();
        try (SessionEventConsumer consumer = new SessionEventConsumer(LocalStackResource.stack().bootstrapServers(),
                "example-" + UUID.randomUUID(), seen::add)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.pollOnce(Duration.ofMillis(200), e -> {
                    if (room.equals(e.roomId())) {
                        handled.add(e);
                    }
                });
                return handled.stream().anyMatch(e -> e.type() == SessionEventType.ROOM_ENDED);
            });
        }
        assertThat(handled).extracting(SessionEventConsumer.SessionEvent::type)
                .containsExactly(SessionEventType.ROOM_CREATED, SessionEventType.ROOM_ENDED);
        assertThat(handled.get(0).externalRef()).contains("salesforce/Case/5003000000D8cuIAAR");
        assertThat(handled.get(0).data().path("agentId").asText()).isEqualTo("a");
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.stack().bootstrapServers());
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** A record as SessionEventPublisher writes it (binary mode, ce_ headers, room id as key). */
    private static void send(KafkaProducer<String, String> producer, String room, String id, String type,
                             String data) throws Exception {
        ProducerRecord<String, String> r = new ProducerRecord<>(Topics.SESSION_EVENTS, room, data);
        Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "/rooms/" + room, "ce_type", type,
                        "ce_subject", room, "ce_time", Instant.now().toString(),
                        "ce_externalrefsystem", "salesforce", "ce_externalreftype", "Case",
                        "ce_externalrefid", "5003000000D8cuIAAR", "content-type", "application/json")
                .forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(r).get(30, TimeUnit.SECONDS);
    }
}
