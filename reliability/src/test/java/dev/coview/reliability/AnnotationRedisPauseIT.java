package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Role;
import dev.coview.local.servers.RedisServer;
import dev.coview.reliability.testing.Annotations;
import dev.coview.reliability.testing.HealthWatch;
import dev.coview.reliability.testing.Peer;
import dev.coview.reliability.testing.Stack;
import dev.coview.reliability.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Redis frozen (SIGSTOP) for 15 s under a live annotation session, the agent on instance A and the customer on B,
 * drawing and moving pointers throughout. The instances stay live, report not-ready while Redis is gone (fast: the
 * readiness check has its own 1 s timeout, it does not hang on the Redis client's queue) and ready again by
 * themselves; the sockets stay open; no annotation state is lost (durable state lives in Kafka: every drawing, the
 * ones made during the freeze included, reaches both sides once and in order, and a late joiner after the resume gets
 * all of them); pointer moves flow again after the resume.
 */
@Order(13)
class AnnotationRedisPauseIT {

    private static final Duration PAUSE = Duration.ofSeconds(15);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void annotationsSurviveRedisFrozenFor15Seconds() {
        Stack stack = Stack.get();
        String room = Tokens.randomId();
        Peer agent = Annotations.connect(stack.annotationA(), Tokens.valid(room, Tokens.randomId(), Role.AGENT));
        Peer customer = Annotations.connect(stack.annotationB(), Tokens.valid(room, Tokens.randomId(), Role.CUSTOMER));
        List<String> drawn = new ArrayList<>();
        try (HealthWatch watchA = new HealthWatch(stack.annotationA());
             HealthWatch watchB = new HealthWatch(stack.annotationB())) {
            agent.inbox().next("state", WAIT);
            customer.inbox().next("state", WAIT);
            draw(agent, "before", drawn);
            awaitDrawings(customer, drawn);

            RedisServer redis = stack.local().redis();
            long pausedAt = System.nanoTime();
            redis.process().pause();
            int pointersSent = 0;
            try {
                // Drawings every 500 ms and pointer moves every 100 ms, for the whole freeze.
                int n = 0;
                while (System.nanoTime() - pausedAt < PAUSE.toNanos()) {
                    if (n % 5 == 0) {
                        draw(n % 10 == 0 ? agent : customer, "during-" + n, drawn);
                    }
                    agent.trySend(Annotations.pointer(0.01 * (n % 100), 0.5));
                    pointersSent++;
                    n++;
                    LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                }
            } finally {
                redis.process().resume();
            }
            long resumedAt = System.nanoTime();
            long pointersDuringFreeze = pointers(customer);
            long deliveredDuringFreeze = elementIds(customer).size();
            long notReadyA = watchA.firstNotReady(pausedAt);
            long notReadyB = watchB.firstNotReady(pausedAt);
            long readyA = watchA.awaitReady(resumedAt, WAIT);
            long readyB = watchB.awaitReady(resumedAt, WAIT);
            boolean socketsSurvived = !agent.inbox().isClosed() && !customer.inbox().isClosed();

            // Pointers after the resume.
            long pointersBefore = pointers(customer);
            Awaitility.await("a pointer move after the resume").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        agent.trySend(Annotations.pointer(0.75, 0.75));
                        return pointers(customer) > pointersBefore;
                    });
            long pointersBack = millisSince(resumedAt);
            draw(agent, "after", drawn);
            awaitDrawings(customer, drawn);
            awaitDrawings(agent, drawn);

            JsonNode lateState;
            try (Peer late = Annotations.connect(stack.annotationB(), Tokens.valid(room, Tokens.randomId(), Role.OBSERVER))) {
                lateState = late.inbox().next("state", WAIT);
            }
            List<String> stateIds = new ArrayList<>();
            lateState.get("elements").forEach(e -> stateIds.add(e.get("id").asText()));

            System.out.printf("Redis paused %d s under annotations: readiness not 200 after %d ms (A) / %d ms (B),"
                            + " %d / %d polls without an answer within 2 s; ready again %d ms (A) / %d ms (B) after the"
                            + " resume; sockets survived: %s; %d drawings, %d of them reached the other side during the"
                            + " freeze; %d pointer moves sent during it, %d arrived during it; pointers again %d ms after"
                            + " the resume; late joiner's state: seq %d, %d elements%n",
                    PAUSE.toSeconds(), notReadyA, notReadyB, timeouts(watchA), timeouts(watchB), readyA, readyB,
                    socketsSurvived, drawn.size(), deliveredDuringFreeze, pointersSent, pointersDuringFreeze,
                    pointersBack, lateState.get("seq").asLong(), stateIds.size());
            watchA.printTimeline(pausedAt);
            watchB.printTimeline(pausedAt);

            for (HealthWatch w : List.of(watchA, watchB)) {
                assertThat(w.samples()).as("%s liveness during and after the pause", w.name())
                        .allSatisfy(s -> assertThat(s.live()).isEqualTo(200));
                assertThat(answered503(w, pausedAt, resumedAt)).as("%s readiness answered 503 during the freeze"
                        + " (not only timeouts)", w.name()).isTrue();
            }
            assertThat(notReadyA).as("A reported not ready during the pause").isNotNegative();
            assertThat(notReadyB).as("B reported not ready during the pause").isNotNegative();
            assertThat(socketsSurvived).as("no socket was closed by the freeze").isTrue();
            assertThat(elementIds(customer)).as("every drawing once, in order, at the customer").isEqualTo(drawn);
            assertThat(elementIds(agent)).as("every drawing once, in order, at the agent").isEqualTo(drawn);
            assertThat(stateIds).as("the late joiner's state has every drawing").isEqualTo(drawn);
            assertThat(lateState.get("seq").asLong()).isEqualTo(drawn.size());
        } finally {
            agent.close();
            customer.close();
        }
    }

    private static void draw(Peer who, String id, List<String> drawn) {
        who.send(Annotations.stroke(id));
        drawn.add(id);
    }

    private static void awaitDrawings(Peer p, List<String> drawn) {
        Awaitility.await("every drawing at a receiver").atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> elementIds(p).size() >= drawn.size());
    }

    /** Element ids of the durable events a socket received, in order. */
    private static List<String> elementIds(Peer p) {
        return p.inbox().raw().stream().filter(t -> t.startsWith("{\"type\":\"event\"") && t.contains("\"seq\""))
                .map(t -> {
                    int i = t.indexOf("\"id\":\"") + 6;
                    return t.substring(i, t.indexOf('"', i));
                }).toList();
    }

    private static long pointers(Peer p) {
        return p.inbox().raw().stream().filter(t -> t.contains("\"type\":\"pointer\"")).count();
    }

    private static long timeouts(HealthWatch w) {
        return w.samples().stream().filter(s -> s.ready() < 0).count();
    }

    private static boolean answered503(HealthWatch w, long pausedAt, long resumedAt) {
        long from = w.millisAt(pausedAt);
        long to = w.millisAt(resumedAt);
        return w.samples().stream().anyMatch(s -> s.atMillis() >= from && s.atMillis() <= to && s.ready() == 503);
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
