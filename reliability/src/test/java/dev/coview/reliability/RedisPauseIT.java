package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.local.servers.RedisServer;
import dev.coview.reliability.testing.HealthWatch;
import dev.coview.reliability.testing.Peer;
import dev.coview.reliability.testing.RedisCli;
import dev.coview.reliability.testing.RelayedSession;
import dev.coview.reliability.testing.Signals;
import dev.coview.reliability.testing.Stack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Redis frozen (SIGSTOP) for 15 s under a live session whose peers sit on different signaling instances: the
 * instances stay live, report not-ready while Redis is gone and ready again by themselves after it is back, and the
 * sockets stay open. Then the peers must relay again through Redis.
 *
 * <p>Found by this test (November 2026): after a freeze as long as the presence TTL (15 s), the relay did not come
 * back on the open sockets. The room's presence hash only lives the TTL past the last heartbeat; Redis expired it the
 * moment it ran again, the heartbeat then EXPIREd a hash that no longer existed, and nothing wrote the members back:
 * both peers were connected, but each was an {@code unknown-peer} to the other. signaling-service now writes its
 * members back when the renewal finds the hash gone ({@code RedisPresence.touch}), and this test requires the open
 * sockets to relay again by themselves. It also measures what a client that reconnects anyway gets (same
 * participant, ICE restart). See docs/reliability.md.
 */
@Order(4)
class RedisPauseIT {

    private static final Duration PAUSE = Duration.ofSeconds(15);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long the open sockets get to relay again by themselves after the resume. */
    private static final Duration SELF_RECOVERY = Duration.ofSeconds(10);

    @Test
    void signalingSurvivesRedisFrozenFor15Seconds() {
        Stack stack = Stack.get();
        RelayedSession session = RelayedSession.open(stack, WAIT);
        JsonNode room = session.room();
        JsonNode customerToken = session.customerToken();
        String agentId = session.agentId();
        String customerId = session.customerId();
        Peer agent = session.agent();
        Peer customer = session.customer();
        try (HealthWatch watchA = new HealthWatch(stack.signalingA());
             HealthWatch watchB = new HealthWatch(stack.signalingB())) {
            RedisServer redis = stack.local().redis();
            long pausedAt = System.nanoTime();
            // Messages keep coming while Redis is frozen, one every 500 ms, for the whole fault.
            List<String> sentDuringPause = session.sendWhileFrozen(redis, PAUSE, Duration.ofMillis(500), "10.1.1.1");
            long resumedAt = System.nanoTime();
            long notReadyA = watchA.firstNotReady(pausedAt);
            long notReadyB = watchB.firstNotReady(pausedAt);
            long readyA = watchA.awaitReady(resumedAt, WAIT);
            long readyB = watchB.awaitReady(resumedAt, WAIT);
            boolean socketsSurvived = !agent.inbox().isClosed() && !customer.inbox().isClosed();

            // 1. Do the open sockets relay again by themselves?
            long selfRecovered = relayAfter(customer, agent, agentId, resumedAt, SELF_RECOVERY);
            long unavailable = count(customer, "\"unavailable\"");
            long unknownPeer = count(customer, "\"unknown-peer\"");
            long peerLeft = count(agent, "\"peer-left\"") + count(customer, "\"peer-left\"");
            List<String> agentGot = agent.inbox().raw();
            long deliveredLate = sentDuringPause.stream()
                    .filter(m -> agentGot.stream().anyMatch(t -> t.contains(m))).count();
            String presence = RedisCli.command(redis.port(), "HKEYS", "signal:" + room.get("roomId").asText()
                    + ":presence");

            // 2. What a client does when its peer is unknown or lost: reconnect with the same token, restart ICE.
            long reconnected = -1;
            if (selfRecovered < 0) {
                agent.close();
                customer.close();
                agent = Peer.connect(stack.signalingA().port(), room.get("token").asText());
                agent.inbox().next("welcome", WAIT);
                customer = Peer.connect(stack.signalingB().port(), customerToken.get("token").asText());
                customer.inbox().next("welcome", WAIT);
                reconnected = relayAfter(customer, agent, agentId, resumedAt, WAIT);
            }
            agent.send(Signals.restart(customerId));
            customer.inbox().nextOfType("restart", WAIT);
            customer.send(Signals.offer(agentId, "v=0 ice-restart"));
            agent.inbox().nextOfType("offer", WAIT);
            agent.send(Signals.answer(customerId, "v=0 ice-restart answer"));
            assertThat(customer.inbox().nextOfType("answer", WAIT).get("sdp").asText())
                    .isEqualTo("v=0 ice-restart answer");
            long iceRestarted = millisSince(resumedAt);

            System.out.printf("Redis paused %d s: readiness down after %d ms (A) / %d ms (B); ready again %d ms (A) /"
                            + " %d ms (B) after resume; sockets survived: %s; relay on the open sockets after resume:"
                            + " %s; during the pause %d sent, %d delivered late, %d 'unavailable', %d 'unknown-peer'"
                            + " after; peer-left seen: %d; presence after resume: %s; relay after reconnecting: %d ms;"
                            + " ICE restart done %d ms after resume%n",
                    PAUSE.toSeconds(), notReadyA, notReadyB, readyA, readyB, socketsSurvived,
                    selfRecovered < 0 ? "none within " + SELF_RECOVERY.toSeconds() + " s" : selfRecovered + " ms",
                    sentDuringPause.size(), deliveredLate, unavailable, unknownPeer, peerLeft, presence, reconnected,
                    iceRestarted);
            watchA.printTimeline(pausedAt);
            watchB.printTimeline(pausedAt);

            for (HealthWatch w : List.of(watchA, watchB)) {
                assertThat(w.samples()).as("%s liveness during and after the pause", w.name())
                        .allSatisfy(s -> assertThat(s.live()).isEqualTo(200));
            }
            assertThat(notReadyA).as("A reported not ready during the pause").isNotNegative();
            assertThat(notReadyB).as("B reported not ready during the pause").isNotNegative();
            assertThat(socketsSurvived).as("no socket was closed by the freeze").isTrue();
            assertThat(selfRecovered).as("the open sockets relay again after the resume, without reconnecting")
                    .isNotNegative();
        } finally {
            agent.close();
            customer.close();
        }
    }

    /**
     * Sends a probe every 100 ms from {@code from} to {@code toId} until one arrives at {@code to}; answers the
     * milliseconds since {@code since}, or -1 if none arrived within {@code limit}.
     */
    private static long relayAfter(Peer from, Peer to, String toId, long since, Duration limit) {
        List<String> marks = new ArrayList<>();
        int[] n = {0};
        try {
            Awaitility.await("a relayed probe").atMost(limit).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        String mark = "candidate:" + (900 + ++n[0]) + " 1 udp 1 10.2.2.2 6000 typ host";
                        marks.add(mark);
                        from.trySend(Signals.candidate(toId, mark));
                        return to.inbox().raw().stream().anyMatch(t -> marks.stream().anyMatch(t::contains));
                    });
            return millisSince(since);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return -1;
        }
    }

    private static long count(Peer p, String needle) {
        return p.inbox().raw().stream().filter(t -> t.contains(needle)).count();
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
