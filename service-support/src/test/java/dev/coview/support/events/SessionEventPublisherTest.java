package dev.coview.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.events.SessionEventType;
import dev.coview.contracts.kafka.Topics;
import dev.coview.contracts.redis.RedisKeys;
import dev.coview.local.servers.KafkaClients;
import dev.coview.local.testing.LocalStackResource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Publishes a session event through the real Kafka broker of deploy/local and reads it back with a plain
 * consumer: CloudEvents 1.0 binary mode headers (with subject, dataschema, trace context and the room's labels from
 * the real Redis), JSON data, room id as the key.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class SessionEventPublisherTest {

    record Sample(String roomId, String who) {
    }

    @Inject
    SessionEventPublisher publisher;

    @Inject
    RedisDataSource redis;

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
        assertThat(header(record, "ce_subject")).isEqualTo(roomId);
        assertThat(header(record, "ce_dataschema")).isEqualTo("https://coview.dev/schemas/events/room.created.json");
        assertThat(header(record, "ce_traceparent")).isNull();
        assertThat(header(record, "ce_externalrefid")).isNull();
    }

    @Test
    void carriesTheLabelsRoomServiceStoredAndTheCallersTraceContext() {
        String roomId = "room-" + UUID.randomUUID();
        // What room-service writes when a room is created with an externalRef and metadata.
        redis.hash(String.class).hset(RedisKeys.roomRef(roomId), Map.of("system", "zendesk", "type", "ticket",
                "id", "4711", "metadata", "{\"queue\":\"billing\"}"));
        SpanContext traced = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope ignored = Span.wrap(traced).makeCurrent()) {
            publisher.publish(SessionEventType.SHARE_STARTED, roomId, new Sample(roomId, "customer-1"))
                    .await().atMost(Duration.ofSeconds(30));
        }

        ConsumerRecord<String, String> record = readBack(roomId);
        assertThat(header(record, "ce_traceparent"))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(header(record, "ce_externalrefsystem")).isEqualTo("zendesk");
        assertThat(header(record, "ce_externalreftype")).isEqualTo("ticket");
        assertThat(header(record, "ce_externalrefid")).isEqualTo("4711");
        assertThat(header(record, "ce_roommetadata")).isEqualTo("{\"queue\":\"billing\"}");
    }

    /**
     * A room's events reach Kafka in the order they were published, also while its labels are read for the first
     * time: 20 fresh rooms, 10 events each, published one after the other without waiting, none cached. Each event
     * used to read the labels itself, and the reads, on pooled connections, answered in either order.
     */
    @Test
    void aRoomsEventsKeepTheirOrderWhileItsLabelsAreFirstRead() {
        List<String> rooms = IntStream.range(0, 20).mapToObj(i -> "room-" + UUID.randomUUID())
                .toList();
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            for (String room : rooms) {
                sent.add(publisher.publish(SessionEventType.SHARE_STARTED, room, new Sample(room, "event-" + n))
                        .subscribeAsCompletionStage());
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .orTimeout(30, TimeUnit.SECONDS).join();

        Map<String, List<String>> order = new HashMap<>();
        for (ConsumerRecord<String, String> r : readBack(rooms, 200)) {
            order.computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(r.value().replaceAll(".*\"who\":\"([^\"]+)\".*", "$1"));
        }
        List<String> published = IntStream.range(0, 10).mapToObj(n -> "event-" + n).toList();
        assertThat(order).hasSize(20).allSatisfy((room, events) -> assertThat(events).as(room)
                .containsExactlyElementsOf(published));
    }

    private static ConsumerRecord<String, String> readBack(String roomId) {
        List<ConsumerRecord<String, String>> found = readBack(List.of(roomId), 1);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** The records of {@code rooms}, in the order the topic holds them, once {@code count} of them have come. */
    private static List<ConsumerRecord<String, String>> readBack(List<String> rooms, int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(
                LocalStackResource.stack().bootstrapServers(), "test", true)) {
            consumer.subscribe(List.of(Topics.SESSION_EVENTS));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (rooms.contains(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
