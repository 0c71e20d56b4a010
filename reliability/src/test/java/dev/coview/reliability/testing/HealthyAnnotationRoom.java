package dev.coview.reliability.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Role;
import java.time.Duration;

/**
 * An annotation room that must not notice an attack on another: an agent on annotation instance A and a customer
 * on B. {@link #probe()} draws once from each side; both drawings must reach both sockets with the room's next
 * {@code seq}, no gap.
 */
public final class HealthyAnnotationRoom implements HealthyProbe {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Peer agent;
    private final Peer customer;
    private long seq;
    private int probes;

    public HealthyAnnotationRoom() {
        Stack stack = Stack.get();
        String room = Tokens.randomId();
        agent = Annotations.connect(stack.annotationA(), Tokens.valid(room, Tokens.randomId(), Role.AGENT));
        customer = Annotations.connect(stack.annotationB(), Tokens.valid(room, Tokens.randomId(), Role.CUSTOMER));
        seq = agent.inbox().next("state", WAIT).get("seq").asLong();
        assertThat(customer.inbox().next("state", WAIT).get("seq").asLong()).isEqualTo(seq);
    }

    /** A stroke from the agent, then a shape from the customer; each must reach both, in order. */
    @Override
    public void probe() {
        int n = ++probes;
        agent.send(Annotations.stroke("probe-a-" + n));
        expect("probe-a-" + n);
        customer.send(Annotations.shape("probe-c-" + n));
        expect("probe-c-" + n);
    }

    private void expect(String elementId) {
        seq++;
        for (Peer p : new Peer[] {agent, customer}) {
            JsonNode e = p.inbox().next("event", WAIT);
            assertThat(e.path("event").path("id").asText()).as("healthy annotation room").isEqualTo(elementId);
            assertThat(e.get("seq").asLong()).as("healthy annotation room seq").isEqualTo(seq);
        }
    }

    /** Probes done so far (two drawings each). */
    @Override
    public int probes() {
        return probes;
    }

    @Override
    public void close() {
        agent.close();
        customer.close();
    }
}
