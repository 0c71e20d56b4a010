package dev.coview.reliability.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.local.servers.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A live session whose agent (on signaling instance A) and customer (on B) relay through Redis: the starting point of
 * the Redis fault tests. {@link #open} returns once an offer went from the customer to the agent.
 */
public record RelayedSession(JsonNode room, JsonNode customerToken, Peer agent, Peer customer) {

    /** Creates a room, joins its customer, connects both across the two signaling instances and relays one offer. */
    public static RelayedSession open(Stack stack, Duration wait) {
        JsonNode room = Http.createRoom();
        JsonNode customerToken = Http.joinAsCustomer(room);
        Peer agent = Peer.connect(stack.signalingA().port(), room.get("token").asText());
        Peer customer = Peer.connect(stack.signalingB().port(), customerToken.get("token").asText());
        RelayedSession session = new RelayedSession(room, customerToken, agent, customer);
        agent.inbox().next("welcome", wait);
        customer.inbox().next("welcome", wait);
        agent.inbox().nextOfType("peer-joined", wait);
        customer.send(Signals.offer(session.agentId(), "v=0 before"));
        assertThat(agent.inbox().nextOfType("offer", wait).get("sdp").asText()).isEqualTo("v=0 before");
        return session;
    }

    public String agentId() {
        return room.get("participantId").asText();
    }

    public String customerId() {
        return customerToken.get("participantId").asText();
    }

    /**
     * Freezes {@code redis} for {@code pause} while the customer keeps sending the agent a candidate every
     * {@code every} (its address {@code host}, to tell the tests' candidates apart), then resumes it; answers the
     * candidates sent during the freeze.
     */
    public List<String> sendWhileFrozen(RedisServer redis, Duration pause, Duration every, String host) {
        long pausedAt = System.nanoTime();
        redis.process().pause();
        List<String> sent = new ArrayList<>();
        try {
            int n = 0;
            while (System.nanoTime() - pausedAt < pause.toNanos()) {
                String mark = "candidate:" + (++n) + " 1 udp 1 " + host + " 5000 typ host";
                customer.trySend(Signals.candidate(agentId(), mark));
                sent.add(mark);
                LockSupport.parkNanos(every.toNanos());
            }
        } finally {
            redis.process().resume();
        }
        return sent;
    }
}
