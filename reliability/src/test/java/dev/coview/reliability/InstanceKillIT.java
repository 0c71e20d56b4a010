package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.local.servers.ServiceInstance;
import dev.coview.reliability.testing.Http;
import dev.coview.reliability.testing.Peer;
import dev.coview.reliability.testing.Signals;
import dev.coview.reliability.testing.Stack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A signaling instance SIGKILLed with customers on it (an instance of its own, so the rest of the suite keeps A and
 * B): each customer's socket drops, it reconnects to the surviving instance with the same token and resumes its
 * participant id, its agent is told ({@code peer-joined resumed}) and asks for an ICE restart; {@code restart} →
 * {@code offer} → {@code answer} completes. Measured from the kill to the answer arriving at the customer (the
 * issue's bar is 5 s; reported, not asserted: timing belongs to bench/).
 */
@Order(5)
class InstanceKillIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int ROOMS = 2;

    @Test
    void peersOfAKilledInstanceResumeElsewhereAndRestartIce() {
        Stack stack = Stack.get();
        ServiceInstance doomed = stack.startSignaling("signaling-c");
        ServiceInstance survivor = stack.signalingA();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < ROOMS; i++) {
            JsonNode room = Http.createRoom();
            JsonNode customer = Http.joinAsCustomer(room);
            Session s = new Session(room, customer, Peer.connect(survivor.port(), room.get("token").asText()),
                    Peer.connect(doomed.port(), customer.get("token").asText()));
            s.agent.inbox().next("welcome", WAIT);
            s.customer.inbox().next("welcome", WAIT);
            s.agent.inbox().nextOfType("peer-joined", WAIT);
            // A first negotiation, as a live call has had.
            s.customer.send(Signals.offer(s.agentId(), "v=0 first"));
            s.agent.inbox().nextOfType("offer", WAIT);
            s.agent.send(Signals.answer(s.customerId(), "v=0 first answer"));
            s.customer.inbox().nextOfType("answer", WAIT);
            sessions.add(s);
        }

        long killedAt = System.nanoTime();
        doomed.kill();
        List<CompletableFuture<Long>> recoveries = sessions.stream()
                .map(s -> CompletableFuture.supplyAsync(() -> recover(s, survivor, killedAt))).toList();
        List<Long> millis = recoveries.stream().map(CompletableFuture::join).toList();
        System.out.printf("SIGKILL of a signaling instance -> ICE-restart answer at the resumed customer: %s ms%n",
                millis);
        sessions.forEach(Session::close);
        assertThat(millis).hasSize(ROOMS);
    }

    /** What a browser does after its socket dropped; answers the milliseconds from the kill to the answer. */
    private static long recover(Session s, ServiceInstance survivor, long killedAt) {
        s.customer.inbox().closeCode(WAIT);
        s.customer = Peer.connect(survivor.port(), s.customerToken.get("token").asText());
        JsonNode welcome = s.customer.inbox().next("welcome", WAIT);
        assertThat(welcome.at("/you/id").asText()).as("same participant").isEqualTo(s.customerId());
        assertThat(welcome.get("resumed").asBoolean()).as("resumed").isTrue();

        JsonNode joined = s.agent.inbox().nextOfType("peer-joined", WAIT);
        assertThat(joined.at("/peer/id").asText()).isEqualTo(s.customerId());
        assertThat(joined.get("resumed").asBoolean()).as("the agent is told to restart ICE").isTrue();
        s.agent.send(Signals.restart(s.customerId()));
        assertThat(s.customer.inbox().nextOfType("restart", WAIT).get("from").asText()).isEqualTo(s.agentId());
        s.customer.send(Signals.offer(s.agentId(), "v=0 ice-restart"));
        assertThat(s.agent.inbox().nextOfType("offer", WAIT).get("sdp").asText()).isEqualTo("v=0 ice-restart");
        s.agent.send(Signals.answer(s.customerId(), "v=0 ice-restart answer"));
        assertThat(s.customer.inbox().nextOfType("answer", WAIT).get("sdp").asText())
                .isEqualTo("v=0 ice-restart answer");
        long took = Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
        assertThat(s.agent.inbox().raw()).as("the agent never saw its customer leave")
                .noneMatch(t -> t.contains("\"peer-left\""));
        return took;
    }

    private static final class Session {
        final JsonNode room;
        final JsonNode customerToken;
        final Peer agent;
        volatile Peer customer;

        Session(JsonNode room, JsonNode customerToken, Peer agent, Peer customer) {
            this.room = room;
            this.customerToken = customerToken;
            this.agent = agent;
            this.customer = customer;
        }

        String agentId() {
            return room.get("participantId").asText();
        }

        String customerId() {
            return customerToken.get("participantId").asText();
        }

        void close() {
            agent.close();
            customer.close();
        }
    }
}
