package dev.coview.annotation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.auth.Role;
import dev.coview.contracts.events.CloudEventHeaders;
import dev.coview.contracts.kafka.Topics;
import dev.coview.contracts.redis.RedisKeys;
import dev.coview.contracts.schema.SchemaCatalog;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.local.servers.KafkaClients;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.TestTokens;
import dev.coview.support.auth.RoomRevocations;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Against the real Redis and Kafka of deploy/local: ending a room (Redis marker and announcement) closes its
 * sockets with 4000; accepted crop and reference messages are published as CloudEvents on
 * {@code coview.session-events}.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class RoomEndAndSessionEventsTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    RoomRevocations revocations;

    @Inject
    RedisDataSource redis;

    @Test
    void endingTheRoomClosesItsSocketsWith4000() {
        String room = TestTokens.randomId();
        try (TestSocket customer = TestSocket.joined(base, room, Role.CUSTOMER)) {
            revocations.markEnded(room, Duration.ofMinutes(5)).await().atMost(Duration.ofSeconds(10));
            assertThat(customer.awaitClose().getCode()).isEqualTo(CloseCodes.ROOM_ENDED);
        }
    }

    @Test
    void cropReferenceAnswersAndPausesArePublishedAsSessionEvents() throws Exception {
        String room = TestTokens.randomId();
        try (KafkaConsumer<String, String> consumer = subscribedConsumer()) {
            try (TestSocket agent = TestSocket.joined(base, room, Role.AGENT);
                 TestSocket customer = TestSocket.joined(base, room, Role.CUSTOMER)) {
                customer.send("{\"type\":\"crop\",\"x\":0.25,\"y\":0,\"w\":0.5,\"h\":1,\"sourceW\":1920,"
                        + "\"sourceH\":1080}");
                agent.send("{\"type\":\"reference.push\",\"url\":\"https://example.com/kb/1\"}");
                customer.event("reference.push");
                customer.send("{\"type\":\"reference.answer\",\"accepted\":true}");
                customer.event("reference.answer");
                customer.send("{\"type\":\"pause\",\"on\":true}");
                customer.event("pause");
                customer.send("{\"type\":\"pause\",\"on\":false}");
                customer.event("pause");
            }
            List<ConsumerRecord<String, String>> mine = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (room.equals(r.key())) {
                        mine.add(r);
                    }
                });
                return mine.size() >= 5;
            });
            List<String> types = mine.stream().map(r -> header(r, CloudEventHeaders.TYPE)).toList();
            for (ConsumerRecord<String, String> r : mine) {
                String shortName = header(r, CloudEventHeaders.TYPE).substring(CloudEventHeaders.TYPE_PREFIX.length());
                SchemaCatalog.assertValid("events/" + shortName + ".json", r.value());
            }
            assertThat(types).containsExactlyInAnyOrder("dev.coview.crop.changed", "dev.coview.reference.pushed",
                    "dev.coview.reference.opened", "dev.coview.share.paused", "dev.coview.share.resumed");
            assertThat(types.indexOf("dev.coview.share.paused")).isLessThan(types.indexOf("dev.coview.share.resumed"));
            ConsumerRecord<String, String> crop = mine.stream()
                    .filter(r -> header(r, CloudEventHeaders.TYPE).equals("dev.coview.crop.changed")).findFirst()
                    .orElseThrow();
            assertThat(header(crop, CloudEventHeaders.SOURCE)).isEqualTo("/rooms/" + room);
            JsonNode data = new ObjectMapper().readTree(crop.value());
            assertThat(data.get("x").asDouble()).isEqualTo(0.25);
            assertThat(data.get("sourceW").asInt()).isEqualTo(1920);
            JsonNode accepted = new ObjectMapper().readTree(mine.stream()
                    .filter(r -> header(r, CloudEventHeaders.TYPE).equals("dev.coview.reference.opened"))
                    .findFirst().orElseThrow().value());
            assertThat(accepted.get("url").asText()).isEqualTo("https://example.com/kb/1");
        }
    }

    @Test
    void aConsentIsHandedToRoomServiceThroughRedisAndARefusalIsPublishedAsRecordingDeclined() throws Exception {
        String room = TestTokens.randomId();
        String key = RedisKeys.recordingConsent(room);
        try (KafkaConsumer<String, String> consumer = subscribedConsumer()) {
            try (TestSocket agent = TestSocket.joined(base, room, Role.AGENT);
                 TestSocket customer = TestSocket.joined(base, room, Role.CUSTOMER)) {
                RecordingConsentTest.consent(agent, customer, "ask-1");
                // By the time the agent's client hears the answer, room-service can find the grant.
                assertThat(redis.value(String.class).get(key)).isEqualTo("ask-1");

                agent.send("{\"type\":\"recording.request\",\"requestId\":\"ask-2\"}");
                customer.event("recording.request");
                customer.send("{\"type\":\"recording.consent\",\"requestId\":\"ask-2\",\"granted\":false}");
                agent.event("recording.consent");
                assertThat(redis.key().exists(key)).as("a new question withdraws the old grant").isFalse();
            }
            List<ConsumerRecord<String, String>> declined = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (room.equals(r.key())
                            && header(r, CloudEventHeaders.TYPE).equals("dev.coview.recording.declined")) {
                        declined.add(r);
                    }
                });
                return !declined.isEmpty();
            });
            SchemaCatalog.assertValid("events/recording.declined.json", declined.get(0).value());
            JsonNode data = new ObjectMapper().readTree(declined.get(0).value());
            assertThat(data.get("requestId").asText()).isEqualTo("ask-2");
            assertThat(data.get("roomId").asText()).isEqualTo(room);
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * A consumer of the session events from now on, once it has its partitions and knows where "now" is: with
     * {@code auto.offset.reset=latest} the position is looked up lazily, so an event published between the
     * assignment and that lookup would fall before "latest" and never be read (the test then waited its 30 s out
     * on a loaded machine). {@code position()} blocks until the offset is fetched.
     */
    private static KafkaConsumer<String, String> subscribedConsumer() {
        KafkaConsumer<String, String> consumer = KafkaClients.consumer(LocalStackResource.stack().bootstrapServers(),
                "test", false);
        consumer.subscribe(List.of(Topics.SESSION_EVENTS));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return !consumer.assignment().isEmpty();
        });
        consumer.assignment().forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        return consumer;
    }
}
