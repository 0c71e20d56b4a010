package dev.coview.annotation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Role;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Recording needs the customer's consent, against the real Kafka and Redis of deploy/local: the agent asks, the
 * customer's answer is relayed, a start without a granted consent is refused, one consent allows one recording, and
 * the running recording is part of the room's state (a reconnecting customer still sees it).
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class RecordingConsentTest {

    private static final String START = "{\"type\":\"recording\",\"on\":true,\"recordingId\":\"rec-1\"}";

    @TestHTTPResource("/")
    URI base;

    @Test
    void noRecordingStartsWithoutTheCustomersConsentAndOneConsentAllowsOneRecording() {
        String room = TestTokens.randomId();
        try (TestSocket agent = TestSocket.joined(base, room, Role.AGENT);
             TestSocket customer = TestSocket.joined(base, room, Role.CUSTOMER)) {

            agent.send(START);
            assertThat(agent.expect("error").get("code").asText()).isEqualTo("forbidden");

            agent.send("{\"type\":\"recording.request\",\"requestId\":\"ask-1\"}");
            assertThat(customer.event("recording.request").at("/event/requestId").asText()).isEqualTo("ask-1");
            customer.send("{\"type\":\"recording.consent\",\"requestId\":\"other\",\"granted\":true}");
            assertThat(customer.expect("error").get("code").asText()).isEqualTo("invalid-message");
            customer.send("{\"type\":\"recording.consent\",\"requestId\":\"ask-1\",\"granted\":false}");
            JsonNode declined = agent.event("recording.consent");
            assertThat(declined.at("/event/granted").asBoolean()).isFalse();
            assertThat(declined.get("authorId").asText()).isEqualTo(customer.participantId);
            agent.send(START);
            assertThat(agent.expect("error").get("code").asText()).isEqualTo("forbidden");

            agent.send("{\"type\":\"recording.request\",\"requestId\":\"ask-2\"}");
            customer.event("recording.request");
            customer.send("{\"type\":\"recording.consent\",\"requestId\":\"ask-2\",\"granted\":true}");
            assertThat(agent.event("recording.consent").at("/event/granted").asBoolean()).isTrue();
            agent.send(START);
            assertThat(customer.event("recording").at("/event/recordingId").asText()).isEqualTo("rec-1");

            try (TestSocket again = TestSocket.open(base, room, Role.CUSTOMER)) {
                JsonNode state = again.expect("state");
                assertThat(state.at("/recording/recordingId").asText()).isEqualTo("rec-1");
                assertThat(state.at("/recording/authorId").asText()).isEqualTo(agent.participantId);
            }

            agent.send("{\"type\":\"recording\",\"on\":false}");
            customer.event("recording");
            // The consent was used by the first recording: the next one needs a new one.
            agent.send(START);
            assertThat(agent.next(n -> n.get("type").asText().equals("error")).get("code").asText())
                    .isEqualTo("forbidden");
            try (TestSocket later = TestSocket.open(base, room, Role.OBSERVER)) {
                assertThat(later.expect("state").has("recording")).isFalse();
            }
        }
    }

    @Test
    void aRecordingEndsWhenTheAgentsPageGoesAwayWithoutSayingSo() {
        String room = TestTokens.randomId();
        try (TestSocket agent = TestSocket.joined(base, room, Role.AGENT);
             TestSocket customer = TestSocket.joined(base, room, Role.CUSTOMER)) {
            consent(agent, customer, "ask-1");
            agent.send(START);
            assertThat(customer.event("recording").at("/event/on").asBoolean()).isTrue();

            // The tab closes; its last "recording off" never left it. The browser still closes the socket: 1001.
            agent.goAway();

            JsonNode ended = customer.event("recording");
            assertThat(ended.at("/event/on").asBoolean()).isFalse();
            assertThat(ended.at("/event/recordingId").asText()).isEqualTo("rec-1");
            assertThat(ended.get("authorId").asText()).isEqualTo(agent.participantId);
            try (TestSocket later = TestSocket.open(base, room, Role.OBSERVER)) {
                assertThat(later.expect("state").has("recording")).isFalse();
            }
        }
    }

    /** The agent asks to record ({@code requestId}), the customer allows it, and the agent has heard the answer. */
    static void consent(TestSocket agent, TestSocket customer, String requestId) {
        agent.send("{\"type\":\"recording.request\",\"requestId\":\"" + requestId + "\"}");
        customer.event("recording.request");
        customer.send("{\"type\":\"recording.consent\",\"requestId\":\"" + requestId + "\",\"granted\":true}");
        agent.event("recording.consent");
    }
}
