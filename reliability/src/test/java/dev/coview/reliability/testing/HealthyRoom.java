package dev.coview.reliability.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Role;
import java.time.Duration;

/**
 * A second room that must not notice an attack on another: an agent on one signaling instance and a customer on
 * the other, relaying candidates both ways through Redis. {@link #probe()} is called between attack steps; each
 * probe must arrive, in order, at the other side.
 */
public final class HealthyRoom implements HealthyProbe {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Peer agent;
    private final Peer customer;
    private final String agentId;
    private final String customerId;
    private int sent;

    public HealthyRoom() {
        Stack stack = Stack.get();
        String room = Tokens.randomId();
        agentId = Tokens.randomId();
        customerId = Tokens.randomId();
        agent = Peer.connect(stack.signalingA().port(), Tokens.valid(room, agentId, Role.AGENT));
        agent.inbox().next("welcome", WAIT);
        customer = Peer.connect(stack.signalingB().port(), Tokens.valid(room, customerId, Role.CUSTOMER));
        customer.inbox().next("welcome", WAIT);
        agent.inbox().next("peer-joined", WAIT);
    }

    /** One candidate each way; both must be relayed. */
    @Override
    public void probe() {
        int n = ++sent;
        String mark = "candidate:" + n + " 1 udp 1 10.9.9.9 " + (40000 + n % 20000) + " typ host";
        customer.send(Signals.candidate(agentId, mark));
        agent.send(Signals.candidate(customerId, mark));
        assertThat(agent.inbox().next("candidate", WAIT).get("candidate").asText())
                .as("healthy room relays customer → agent").isEqualTo(mark);
        assertThat(customer.inbox().next("candidate", WAIT).get("candidate").asText())
                .as("healthy room relays agent → customer").isEqualTo(mark);
    }

    /** Probes relayed so far (each way). */
    @Override
    public int probes() {
        return sent;
    }

    @Override
    public void close() {
        agent.close();
        customer.close();
    }
}
