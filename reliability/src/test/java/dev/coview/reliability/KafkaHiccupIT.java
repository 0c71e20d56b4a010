package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import dev.coview.local.servers.ChildProcess;
import dev.coview.reliability.testing.Annotations;
import dev.coview.reliability.testing.HiccupWatch;
import dev.coview.reliability.testing.Peer;
import dev.coview.reliability.testing.Stack;
import dev.coview.reliability.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker frozen (SIGSTOP) for 2 s under traffic — a room drawing across two annotation-service instances
 * (the customer on B draws, the agent on A receives) and customers joining rooms one after the other: a broker
 * hiccup of that length must turn no one away. Every readiness and liveness poll of room-, signaling- and
 * annotation-service answers 200 (each keeps a grace before Kafka counts as down, docs/operations.md "Readiness"),
 * every join started during the pause completes (its session events are published late, never failing it), and
 * every stroke drawn during the pause reaches the agent once the broker is back (the producer buffers and retries;
 * none is refused with {@code unavailable}). The Redis twin is {@link RedisHiccupIT}.
 */
@Order(4)
class KafkaHiccupIT {

    private static final Duration PAUSE = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aTwoSecondKafkaPauseTurnsNoOneAwayAndLosesNoStroke() throws InterruptedException {
        Stack stack = Stack.get();
        String room = Tokens.randomId();
        Peer agent = Annotations.connect(stack.annotationA(), Tokens.valid(room, Tokens.randomId(), Role.AGENT));
        Peer customer = Annotations.connect(stack.annotationB(), Tokens.withGrants(room, Tokens.randomId(),
                Role.CUSTOMER, Set.of(Grant.ANNOTATE, Grant.SHARE)));
        agent.inbox().next("state", WAIT);
        customer.inbox().next("state", WAIT);
        try (HiccupWatch hiccup = new HiccupWatch(List.of(stack.rooms(), stack.signalingA(), stack.annotationA(),
                stack.annotationB()), WAIT)) {
            ChildProcess kafka = stack.local().kafka().process();
            long pausedAt = System.nanoTime();
            List<String> drawn = new ArrayList<>();
            kafka.pause();
            try {
                int n = 0;
                while (System.nanoTime() - pausedAt < PAUSE.toNanos()) {
                    String id = "hiccup-" + (++n);
                    customer.send(Annotations.stroke(id));
                    drawn.add(id);
                    LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                }
            } finally {
                kafka.resume();
            }
            long resumedAt = System.nanoTime();

            Awaitility.await("every stroke drawn during the pause reaches the agent").atMost(WAIT)
                    .until(() -> drawn.stream().allMatch(id -> received(agent, id)));
            long allDelivered = millisSince(resumedAt);
            hiccup.settle(resumedAt);

            long refused = customer.inbox().raw().stream()
                    .filter(t -> t.contains("\"type\":\"error\"") && t.contains("unavailable")).count();
            System.out.printf("Kafka paused %d ms under traffic: %d strokes drawn during the pause, all at the "
                            + "agent %d ms after the resume, %d refused; %s%n", PAUSE.toMillis(), drawn.size(),
                    allDelivered, refused, hiccup.joinFigures());
            hiccup.assertNoOneTurnedAway("a 2 s Kafka pause", pausedAt);
            assertThat(refused).as("strokes refused with 'unavailable'").isZero();
            assertThat(agent.inbox().isClosed() || customer.inbox().isClosed()).as("a socket closed").isFalse();
        } finally {
            agent.close();
            customer.close();
        }
    }

    private static boolean received(Peer peer, String id) {
        String mark = "\"id\":\"" + id + "\"";
        return peer.inbox().raw().stream().anyMatch(t -> t.contains("\"type\":\"event\"") && t.contains(mark));
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
