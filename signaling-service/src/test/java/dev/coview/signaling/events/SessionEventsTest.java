package dev.coview.signaling.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Role;
import dev.coview.contracts.events.CloudEventHeaders;
import dev.coview.contracts.kafka.Topics;
import dev.coview.contracts.schema.SchemaCatalog;
import dev.coview.local.servers.KafkaClients;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.TestTokens;
import dev.coview.signaling.testing.SignalClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The session events a socket's life produces, read back from the real Kafka of deploy/local
 * ({@link LocalStackResource}): CloudEvents binary mode, keyed by room, each payload valid against its schema in
 * contracts.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class SessionEventsTest {

    private static final Duration WAIT = SignalClient.WAIT;

    @TestHTTPResource("/")
    URI base;

    @Test
    void connectShareStopShareAndByeArePublishedInOrder() {
        String room = TestTokens.randomId();
        String customerId = TestTokens.randomId();
        try (SignalClient customer = SignalClient.connect(base, TestTokens.token(room, customerId, Role.CUSTOMER))) {
            customer.received().next("welcome", WAIT);
            customer.send("{\"type\":\"share\",\"active\":true}");
            customer.send("{\"type\":\"share\",\"active\":true}"); // no change: no second event
            customer.send("{\"type\":\"share\",\"active\":false}");
            customer.send("{\"type\":\"share\",\"active\":true}");
            customer.send("{\"type\":\"bye\"}");
            customer.received().closeCode(WAIT);
        }
        List<String> expected = List.of("dev.coview.participant.connected", "dev.coview.share.started",
                "dev.coview.share.stopped", "dev.coview.share.started", "dev.coview.participant.disconnected",
                "dev.coview.share.stopped", "dev.coview.participant.left");
        List<ConsumerRecord<String, String>> events = readRoom(room, expected.size());
        assertThat(events).extracting(r -> header(r, CloudEventHeaders.TYPE))
                .as("one partition per room keeps them in order").containsExactlyElementsOf(expected);
        for (ConsumerRecord<String, String> r : events) {
            assertThat(header(r, CloudEventHeaders.SOURCE)).isEqualTo("/rooms/" + room);
            String shortName = header(r, CloudEventHeaders.TYPE).substring(CloudEventHeaders.TYPE_PREFIX.length());
            SchemaCatalog.assertValid("events/" + shortName + ".json", r.value());
            assertThat(r.value()).contains(customerId);
        }
        // The state changes keep their order; the bye's share.stopped says why.
        assertThat(events.get(1).value()).doesNotContain("reason");
        // The customer's share keeps the previous release's shape: no shareId (absent = the customer's).
        assertThat(events.get(1).value()).doesNotContain("shareId");
        assertThat(events.get(2).value()).contains("\"reason\":\"stopped\"");
        // disconnected (bye) and left (bye): the participant is gone for good, said once.
        assertThat(events.stream().filter(r -> r.value().contains("\"reason\":\"bye\"")).count()).isEqualTo(2);
        assertThat(events.stream().filter(r -> r.value().contains("\"reason\":\"left\"")).count()).isEqualTo(1);
    }

    @Test
    void theAgentsShareIsNamedInItsEventsAndItsPhaseReachesTheCustomer() {
        String room = TestTokens.randomId();
        String agentId = TestTokens.randomId();
        try (SignalClient customer = SignalClient.connect(base, TestTokens.token(room, TestTokens.randomId(),
                Role.CUSTOMER));
             SignalClient agent = SignalClient.connect(base, TestTokens.token(room, agentId, Role.AGENT))) {
            customer.received().next("welcome", WAIT);
            agent.received().next("welcome", WAIT);
            agent.send("{\"type\":\"share\",\"active\":true,\"phase\":\"sharing\"}");
            // Two-way sharing: signaling relays the agent's phase like the customer's.
            var phase = customer.received().nextOfType("peer-share", WAIT);
            assertThat(phase.get("id").asText()).isEqualTo(agentId);
            assertThat(phase.get("phase").asText()).isEqualTo("sharing");
            agent.send("{\"type\":\"share\",\"active\":false,\"phase\":\"stopped\"}");
            assertThat(customer.received().nextOfType("peer-share", WAIT).get("phase").asText()).isEqualTo("stopped");
        }
        List<ConsumerRecord<String, String>> shares = readRoom(room, 6).stream()
                .filter(r -> header(r, CloudEventHeaders.TYPE).contains(".share.")).toList();
        assertThat(shares).extracting(r -> header(r, CloudEventHeaders.TYPE))
                .containsExactly("dev.coview.share.started", "dev.coview.share.stopped");
        for (ConsumerRecord<String, String> r : shares) {
            String shortName = header(r, CloudEventHeaders.TYPE).substring(CloudEventHeaders.TYPE_PREFIX.length());
            SchemaCatalog.assertValid("events/" + shortName + ".json", r.value());
            assertThat(r.value()).contains(agentId).contains("\"shareId\":\"agent\"");
        }
    }

    private static List<ConsumerRecord<String, String>> readRoom(String room, int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(
                LocalStackResource.stack().bootstrapServers(), "signaling-test", true)) {
            consumer.subscribe(List.of(Topics.SESSION_EVENTS));
            Awaitility.await("events of room " + room).atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (room.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
