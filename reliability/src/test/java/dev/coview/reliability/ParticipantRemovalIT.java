package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.kafka.Topics;
import dev.coview.contracts.schema.SchemaCatalog;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.reliability.testing.Annotations;
import dev.coview.reliability.testing.Http;
import dev.coview.reliability.testing.Peer;
import dev.coview.reliability.testing.Stack;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 24 item 7: the agent removes one participant. The customer holds a signaling socket on instance B and an
 * annotation socket on instance B, the agent its signaling socket on A; {@code DELETE
 * /api/rooms/{id}/participants/{customer}} with the agent's token closes both of the customer's sockets with 4003
 * (announced to every instance over Redis), the agent is told {@code peer-left}, and from then on the customer's
 * token is refused at both sockets' upgrades (403), on REST (403 {@code participant-removed}) and their rejoin
 * credential too; {@code participant.removed} reaches {@code coview.session-events}, valid against its schema. The
 * endpoint's refusals are problem+json: a customer may not remove anyone, an agent not itself, nor a stranger.
 * Before this work there was no way to remove a participant at all (the route answered 404), and a token stayed
 * good for its 8 hours. Packaged services, real Redis and Kafka.
 */
@Order(17)
class ParticipantRemovalIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aRemovedParticipantsSocketsCloseAndTheirTokenIsRefusedEverywhere() {
        Stack stack = Stack.get();
        JsonNode room = Http.createRoom();
        JsonNode customer = Http.joinAsCustomer(room);
        String roomId = room.get("roomId").asText();
        String agentToken = room.get("token").asText();
        String customerId = customer.get("participantId").asText();
        String customerToken = customer.get("token").asText();
        String base = stack.rooms().baseUrl() + "/api/rooms/" + roomId;

        assertThat(remove(base, room.get("participantId").asText(), customerToken).statusCode())
                .as("a customer may not remove anyone").isEqualTo(403);
        assertProblem(remove(base, room.get("participantId").asText(), agentToken), 400, "invalid-request");
        assertProblem(remove(base, "AAAAAAAAAAAAAAAAAAAAAA", agentToken), 404, "not-found");

        try (Peer agent = Peer.connect(stack.signalingA().port(), agentToken);
             Peer signal = Peer.connect(stack.signalingB().port(), customerToken);
             Peer annotations = Annotations.connect(stack.annotationB(), customerToken)) {
            agent.inbox().next("welcome", WAIT);
            signal.inbox().next("welcome", WAIT);
            annotations.inbox().nextState(WAIT);
            assertThat(Http.send("GET", base, null, bearer(customerToken)).statusCode()).isEqualTo(200);

            long start = System.nanoTime();
            HttpResponse<String> removed = remove(base, customerId, agentToken);
            assertThat(removed.statusCode()).as("remove: %s", removed.body()).isEqualTo(204);
            int signalClose = signal.inbox().closeCode(WAIT);
            int annotationClose = annotations.inbox().closeCode(WAIT);
            double ms = (System.nanoTime() - start) / 1e6;
            JsonNode left = agent.inbox().nextOfType("peer-left", WAIT);
            System.out.printf("participant removal: DELETE → both sockets closed (%d, %d) in %.0f ms; the agent got "
                    + "peer-left %s%n", signalClose, annotationClose, ms, left.path("reason").asText());
            assertThat(signalClose).isEqualTo(CloseCodes.REMOVED);
            assertThat(annotationClose).isEqualTo(CloseCodes.REMOVED);
            assertThat(left.path("id").asText()).isEqualTo(customerId);
        }

        int signalA = Peer.upgradeStatus(stack.signalingA().port(), customerToken, Peer.ORIGIN, "");
        int annotationA = Peer.upgradeStatus(stack.annotationA().port(), Annotations.PATH, customerToken, Peer.ORIGIN,
                "");
        System.out.printf("participant removal: the removed token's upgrades answer %d (signaling), %d (annotations)%n",
                signalA, annotationA);
        assertThat(signalA).isEqualTo(403);
        assertThat(annotationA).isEqualTo(403);
        assertProblem(Http.send("GET", base, null, bearer(customerToken)), 403, "participant-removed");
        assertProblem(Http.send("POST", stack.rooms().baseUrl() + "/api/rooms/rejoin",
                "{\"credential\":\"" + customer.get("rejoinCredential").asText() + "\"}",
                Map.of("Content-Type", "application/json")), 403, "participant-removed");
        assertThat(remove(base, customerId, agentToken).statusCode()).as("removing again").isEqualTo(204);
        assertThat(Http.send("GET", base, null, bearer(agentToken)).statusCode()).as("the agent carries on")
                .isEqualTo(200);

        String event = removedEvent(stack, customerId);
        assertThat(SchemaCatalog.errors("events/participant.removed.json", event)).isEmpty();
        assertThat(event).contains("\"removedBy\":\"" + room.get("participantId").asText() + "\"");
    }

    private static HttpResponse<String> remove(String roomUrl, String participantId, String token) {
        return Http.send("DELETE", roomUrl + "/participants/" + participantId, null, bearer(token));
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(Http.PROBLEM_JSON);
        assertThat(Http.json(r).path("type").asText()).as(r.body()).endsWith(type);
    }

    /** The {@code participant.removed} event of the participant, as published (exactly one). */
    private static String removedEvent(Stack stack, String participantId) {
        AtomicReference<String> found = new AtomicReference<>();
        int[] count = {0};
        try (KafkaConsumer<String, byte[]> consumer = stack.kafkaConsumer("reliability-removal-")) {
            consumer.subscribe(List.of(Topics.SESSION_EVENTS));
            Awaitility.await("participant.removed").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(1)).until(() -> {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                            Header h = r.headers().lastHeader("ce_type");
                            String value = new String(r.value(), StandardCharsets.UTF_8);
                            if (h != null && new String(h.value(), StandardCharsets.UTF_8)
                                    .equals("dev.coview.participant.removed") && value.contains(participantId)) {
                                found.set(value);
                                count[0]++;
                            }
                        }
                        return found.get() != null;
                    });
        }
        assertThat(count[0]).as("participant.removed events of the participant").isEqualTo(1);
        return found.get();
    }
}
