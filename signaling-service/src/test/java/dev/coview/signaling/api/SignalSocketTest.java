package dev.coview.signaling.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Role;
import dev.coview.contracts.events.RoomEnded;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.TestTokens;
import dev.coview.signaling.testing.SignalClient;
import dev.coview.support.auth.RoomRevocations;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.http.UpgradeRejectedException;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /ws/signal} in the Quarkus test JVM, one instance, against the real Redis and Kafka of deploy/local
 * ({@link LocalStackResource}); clients are websockets-next {@code BasicWebSocketConnector}s opened the way a
 * browser opens the socket (bearer-carrier subprotocols, an Origin).
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class SignalSocketTest {

    private static final Duration WAIT = SignalClient.WAIT;

    @TestHTTPResource("/")
    URI base;

    @Inject
    RoomRevocations revocations;

    private final List<SignalClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(SignalClient::close);
    }

    private SignalClient connect(String roomId, String participantId, Role role) {
        SignalClient c = SignalClient.connect(base, TestTokens.token(roomId, participantId, role));
        clients.add(c);
        return c;
    }

    /** A participant's socket once its welcome has arrived. */
    private SignalClient welcomed(String roomId, String participantId, Role role) {
        SignalClient c = connect(roomId, participantId, role);
        c.received().next("welcome", WAIT);
        return c;
    }

    @Test
    void relaysOfferAnswerAndCandidatesBetweenTwoPeersStampedWithTheSender() {
        String room = TestTokens.randomId();
        String agentId = TestTokens.randomId();
        String customerId = TestTokens.randomId();
        SignalClient agent = connect(room, agentId, Role.AGENT);
        JsonNode agentWelcome = agent.received().next("welcome", WAIT);
        assertThat(agentWelcome.at("/you/id").asText()).isEqualTo(agentId);
        assertThat(agentWelcome.at("/you/role").asText()).isEqualTo("agent");
        assertThat(agentWelcome.get("peers")).isEmpty();

        SignalClient customer = connect(room, customerId, Role.CUSTOMER);
        JsonNode welcome = customer.received().next("welcome", WAIT);
        assertThat(welcome.get("peers")).hasSize(1);
        assertThat(welcome.at("/peers/0/id").asText()).isEqualTo(agentId);
        assertThat(welcome.get("resumed").asBoolean()).isFalse();
        JsonNode joined = agent.received().next("peer-joined", WAIT);
        assertThat(joined.at("/peer/id").asText()).isEqualTo(customerId);
        assertThat(joined.get("resumed").asBoolean()).isFalse();

        // A forged "from" is overwritten with the authenticated sender.
        customer.send("{\"type\":\"offer\",\"to\":\"" + agentId + "\",\"from\":\"someone-else\",\"sdp\":\"v=0 offer\"}");
        JsonNode offer = agent.received().next("offer", WAIT);
        assertThat(offer.get("from").asText()).isEqualTo(customerId);
        assertThat(offer.get("sdp").asText()).isEqualTo("v=0 offer");

        agent.send("{\"type\":\"answer\",\"to\":\"" + customerId + "\",\"sdp\":\"v=0 answer\"}");
        JsonNode answer = customer.received().next("answer", WAIT);
        assertThat(answer.get("from").asText()).isEqualTo(agentId);
        assertThat(answer.get("sdp").asText()).isEqualTo("v=0 answer");

        customer.send("{\"type\":\"candidate\",\"to\":\"" + agentId + "\",\"candidate\":\"candidate:1 1 udp 1 10.0.0.1 5000 typ host\","
                + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0}");
        JsonNode candidate = agent.received().next("candidate", WAIT);
        assertThat(candidate.get("from").asText()).isEqualTo(customerId);
        assertThat(candidate.get("sdpMid").asText()).isEqualTo("0");
        assertThat(candidate.get("sdpMLineIndex").asInt()).isZero();

        agent.send("{\"type\":\"restart\",\"to\":\"" + customerId + "\"}");
        assertThat(customer.received().next("restart", WAIT).get("from").asText()).isEqualTo(agentId);

        customer.send("{\"type\":\"bye\"}");
        JsonNode left = agent.received().next("peer-left", WAIT);
        assertThat(left.get("id").asText()).isEqualTo(customerId);
        assertThat(left.get("reason").asText()).isEqualTo("left");
        assertThat(customer.received().closeCode(WAIT)).isEqualTo(1000);
    }

    @Test
    void theCustomersSharePhaseReachesTheAgentThroughTheRoomChannelAndTheWelcomeOfAReloadedAgent() {
        String room = TestTokens.randomId();
        String agentId = TestTokens.randomId();
        String customerId = TestTokens.randomId();
        SignalClient agent = welcomed(room, agentId, Role.AGENT);
        SignalClient customer = welcomed(room, customerId, Role.CUSTOMER);
        agent.received().next("peer-joined", WAIT);

        for (String phase : List.of("consent", "choosing", "sharing", "paused", "sharing")) {
            boolean active = phase.equals("sharing") || phase.equals("paused");
            customer.send("{\"type\":\"share\",\"active\":" + active + ",\"phase\":\"" + phase + "\"}");
            JsonNode told = agent.received().next("peer-share", WAIT);
            assertThat(told.get("id").asText()).isEqualTo(customerId);
            assertThat(told.get("phase").asText()).isEqualTo(phase);
        }
        // A phase that contradicts active is refused with an error, and nobody is told.
        customer.send("{\"type\":\"share\",\"active\":false,\"phase\":\"paused\"}");
        assertThat(customer.received().next("error", WAIT).get("code").asText()).isEqualTo("invalid-message");

        // The agent reloads: the phase comes right after the welcome.
        agent.close();
        SignalClient reloaded = connect(room, agentId, Role.AGENT);
        assertThat(reloaded.received().next("welcome", WAIT).at("/peers/0/id").asText()).isEqualTo(customerId);
        JsonNode phase = reloaded.received().next("peer-share", WAIT);
        assertThat(phase.get("id").asText()).isEqualTo(customerId);
        assertThat(phase.get("phase").asText()).isEqualTo("sharing");
        // An older client's share (no phase) is told as stopped.
        customer.send("{\"type\":\"share\",\"active\":false}");
        assertThat(reloaded.received().nextOfType("peer-share", WAIT).get("phase").asText()).isEqualTo("stopped");
    }

    @Test
    void aMessageForAMemberOfAnotherRoomIsRefusedAndNeverDelivered() {
        String roomA = TestTokens.randomId();
        String roomB = TestTokens.randomId();
        String agentB = TestTokens.randomId();
        String customerB = TestTokens.randomId();
        SignalClient intruder = welcomed(roomA, TestTokens.randomId(), Role.CUSTOMER);
        SignalClient target = welcomed(roomB, agentB, Role.AGENT);

        intruder.send("{\"type\":\"offer\",\"to\":\"" + agentB + "\",\"sdp\":\"v=0 intruder\"}");
        JsonNode error = intruder.received().next("error", WAIT);
        assertThat(error.get("code").asText()).isEqualTo("unknown-peer");

        // The intruder's offer was refused before this legitimate one was sent: if it had been delivered, it would
        // come first.
        SignalClient peer = welcomed(roomB, customerB, Role.CUSTOMER);
        target.received().next("peer-joined", WAIT);
        peer.send("{\"type\":\"offer\",\"to\":\"" + agentB + "\",\"sdp\":\"v=0 legit\"}");
        JsonNode offer = target.received().next("offer", WAIT);
        assertThat(offer.get("from").asText()).isEqualTo(customerB);
        assertThat(offer.get("sdp").asText()).isEqualTo("v=0 legit");
    }

    @Test
    void unknownTypeAnswersAnErrorAndTheSocketStaysOpen() {
        SignalClient c = welcomed(TestTokens.randomId(), TestTokens.randomId(), Role.CUSTOMER);
        c.send("{\"type\":\"dance\",\"to\":\"x\"}");
        assertThat(c.received().next("error", WAIT).get("code").asText()).isEqualTo("unknown-type");
        c.send("{\"type\":\"offer\",\"to\":\"x\"}");
        assertThat(c.received().next("error", WAIT).get("code").asText()).isEqualTo("invalid-message");
        c.send("{\"type\":\"restart\",\"to\":\"nobody\"}");
        assertThat(c.received().next("error", WAIT).get("code").asText()).isEqualTo("unknown-peer");
        assertThat(c.isOpen()).isTrue();
    }

    @Test
    void aTokenWithoutTheShareGrantMayNotOffer() {
        String room = TestTokens.randomId();
        String customerId = TestTokens.randomId();
        SignalClient customer = welcomed(room, customerId, Role.CUSTOMER);
        SignalClient observer = welcomed(room, TestTokens.randomId(), Role.OBSERVER);
        observer.send("{\"type\":\"offer\",\"to\":\"" + customerId + "\",\"sdp\":\"v=0\"}");
        // The customer's peer-joined notice may still reach the observer after its welcome (it travels through the
        // room's channel while the observer connects): not what this test is about.
        assertThat(observer.received().nextOfType("error", WAIT).get("code").asText()).isEqualTo("forbidden");
        observer.send("{\"type\":\"share\",\"active\":true}");
        assertThat(observer.received().nextOfType("error", WAIT).get("code").asText()).isEqualTo("forbidden");
    }

    @Test
    void malformedJsonClosesWith1007() {
        SignalClient c = welcomed(TestTokens.randomId(), TestTokens.randomId(), Role.CUSTOMER);
        c.send("{\"type\": \"offer\", oops");
        assertThat(c.received().closeCode(WAIT)).isEqualTo(CloseCodes.INVALID_PAYLOAD);
    }

    @Test
    void aOneMebibyteFrameClosesWith1009() {
        SignalClient c = welcomed(TestTokens.randomId(), TestTokens.randomId(), Role.CUSTOMER);
        String huge = "{\"type\":\"offer\",\"to\":\"x\",\"sdp\":\"" + "a".repeat(1024 * 1024) + "\"}";
        try {
            c.send(huge);
        } catch (RuntimeException sendFailedBecauseTheServerClosed) {
            // The server may close while the client is still writing; the close code is what matters.
        }
        assertThat(c.received().closeCode(WAIT)).isEqualTo(CloseCodes.MESSAGE_TOO_BIG);
    }

    @Test
    void aFloodClosesWith1008() {
        SignalClient c = welcomed(TestTokens.randomId(), TestTokens.randomId(), Role.CUSTOMER);
        // Burst 200 + 50 strikes (coview.ws defaults): 1,000 messages at once is a flood by any measure.
        for (int i = 0; i < 1000 && !c.received().isClosed(); i++) {
            try {
                c.send("{\"type\":\"restart\",\"to\":\"nobody\"}");
            } catch (RuntimeException closedMeanwhile) {
                break;
            }
        }
        assertThat(c.received().closeCode(WAIT)).isEqualTo(CloseCodes.POLICY_VIOLATION);
        assertThat(c.received().nextOfType("error", WAIT).get("code").asText()).isIn("unknown-peer", "rate-limited");
    }

    @Test
    void forgedExpiredOtherRoomAndEndedRoomTokensAndForeignOriginsAreRefusedAtTheUpgrade() {
        String room = TestTokens.randomId();
        String id = TestTokens.randomId();
        assertThat(refusal(() -> SignalClient.connect(base, TestTokens.forged(room, id, Role.CUSTOMER))))
                .isEqualTo(401);
        String expired = TestTokens.token(room, id, Role.CUSTOMER, Role.CUSTOMER.defaultGrants(),
                Duration.ofMinutes(-5));
        assertThat(refusal(() -> SignalClient.connect(base, expired))).isEqualTo(401);
        String valid = TestTokens.token(room, id, Role.CUSTOMER);
        assertThat(refusal(() -> SignalClient.connect(base, "/ws/signal?room=" + TestTokens.randomId(), valid,
                SignalClient.ORIGIN))).isEqualTo(403);
        assertThat(refusal(() -> SignalClient.connect(base, "/ws/signal", valid, "https://evil.example")))
                .isEqualTo(403);
        // The same token is fine with its own room named, from an allowed origin.
        SignalClient ok = SignalClient.connect(base, "/ws/signal?room=" + room, valid, SignalClient.ORIGIN);
        clients.add(ok);
        ok.received().next("welcome", WAIT);

        String ended = TestTokens.randomId();
        revocations.markEnded(ended, Duration.ofMinutes(5)).await().atMost(WAIT);
        assertThat(refusal(() -> SignalClient.connect(base, TestTokens.token(ended, id, Role.AGENT))))
                .isEqualTo(403);
    }

    @Test
    void endingTheRoomClosesEverySocketWith4000() {
        String room = TestTokens.randomId();
        SignalClient agent = welcomed(room, TestTokens.randomId(), Role.AGENT);
        SignalClient customer = welcomed(room, TestTokens.randomId(), Role.CUSTOMER);
        SignalClient bystander = welcomed(TestTokens.randomId(), TestTokens.randomId(), Role.CUSTOMER);

        revocations.markEnded(room, Duration.ofMinutes(5), RoomEnded.EXPIRED).await().atMost(WAIT);

        assertThat(agent.received().closeCode(WAIT)).isEqualTo(CloseCodes.ROOM_ENDED);
        assertThat(customer.received().closeCode(WAIT)).isEqualTo(CloseCodes.ROOM_ENDED);
        // The page says why: the reason room-service kept in the marker.
        assertThat(customer.received().closeReason(WAIT)).isEqualTo("room ended: expired");
        assertThat(bystander.isOpen()).isTrue();
    }

    @Test
    void aReconnectWithTheSameTokenResumesAndThePeerIsTold() {
        String room = TestTokens.randomId();
        String customerId = TestTokens.randomId();
        String token = TestTokens.token(room, customerId, Role.CUSTOMER);
        SignalClient agent = welcomed(room, TestTokens.randomId(), Role.AGENT);
        SignalClient first = SignalClient.connect(base, token);
        first.received().next("welcome", WAIT);
        agent.received().next("peer-joined", WAIT);

        first.close(); // no bye: a dropped socket
        // Told at once that the socket dropped, not only when the grace period ends (20 s).
        assertThat(agent.received().next("peer-away", WAIT).get("id").asText()).isEqualTo(customerId);
        // Somebody who arrives meanwhile hears of the customer in its welcome, and that it is away.
        SignalClient observer = connect(room, TestTokens.randomId(), Role.OBSERVER);
        assertThat(observer.received().next("welcome", WAIT).get("peers")).hasSize(2);
        assertThat(observer.received().next("peer-away", WAIT).get("id").asText()).isEqualTo(customerId);
        assertThat(agent.received().next("peer-joined", WAIT).at("/peer/role").asText()).isEqualTo("observer");
        SignalClient second = SignalClient.connect(base, token);
        clients.add(second);
        JsonNode welcome = second.received().next("welcome", WAIT);
        assertThat(welcome.at("/you/id").asText()).isEqualTo(customerId);
        assertThat(welcome.get("resumed").asBoolean()).isTrue();
        JsonNode joined = agent.received().next("peer-joined", WAIT);
        assertThat(joined.at("/peer/id").asText()).isEqualTo(customerId);
        assertThat(joined.get("resumed").asBoolean()).isTrue();
    }

    @Test
    void aSecondSocketOfTheSameParticipantReplacesTheFirst() {
        String room = TestTokens.randomId();
        String token = TestTokens.token(room, TestTokens.randomId(), Role.CUSTOMER);
        SignalClient first = SignalClient.connect(base, token);
        clients.add(first);
        first.received().next("welcome", WAIT);
        SignalClient second = SignalClient.connect(base, token);
        clients.add(second);
        assertThat(second.received().next("welcome", WAIT).get("resumed").asBoolean()).isTrue();
        assertThat(first.received().closeCode(WAIT)).isEqualTo(CloseCodes.REPLACED);
        assertThat(second.isOpen()).isTrue();
    }

    private static int refusal(Runnable connect) {
        Throwable t = null;
        try {
            connect.run();
        } catch (Throwable e) {
            t = e;
        }
        assertThat(t).as("the upgrade was refused").isNotNull();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UpgradeRejectedException rejected) {
                return rejected.getStatus();
            }
        }
        throw new AssertionError("refused for another reason", t);
    }
}
