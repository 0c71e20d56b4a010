package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.local.servers.RedisServer;
import dev.coview.reliability.testing.HiccupWatch;
import dev.coview.reliability.testing.Peer;
import dev.coview.reliability.testing.RelayedSession;
import dev.coview.reliability.testing.Signals;
import dev.coview.reliability.testing.Stack;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Redis frozen (SIGSTOP) for 2 s under traffic — a live session relaying candidates across two signaling instances,
 * and customers joining rooms one after the other: a hiccup of that length must turn no one away. No instance of
 * room-service, signaling-service or annotation-service may leave its Service (every readiness poll answers 200:
 * each keeps a grace before Redis counts as down, docs/operations.md "Readiness"), the open sockets stay open and
 * relay again by themselves, every join started during the pause completes once Redis is back, and what was sent
 * during the pause is counted (delivered late or not) and printed. The long freeze is {@link RedisPauseIT}.
 */
@Order(4)
class RedisHiccupIT {

    private static final Duration PAUSE = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aTwoSecondRedisPauseTurnsNoOneAway() throws InterruptedException {
        Stack stack = Stack.get();
        RelayedSession session = RelayedSession.open(stack, WAIT);
        String agentId = session.agentId();
        Peer agent = session.agent();
        Peer customer = session.customer();
        try (HiccupWatch hiccup = new HiccupWatch(List.of(stack.rooms(), stack.signalingA(), stack.signalingB(),
                stack.annotationA()), WAIT)) {
            RedisServer redis = stack.local().redis();
            long pausedAt = System.nanoTime();
            List<String> sentDuringPause = session.sendWhileFrozen(redis, PAUSE, Duration.ofMillis(100), "10.3.3.3");
            long resumedAt = System.nanoTime();

            // The relay works again on the open sockets, without a reconnect.
            String after = "candidate:999 1 udp 1 10.3.3.4 7001 typ host";
            customer.send(Signals.candidate(agentId, after));
            Awaitility.await("a candidate sent after the resume").atMost(WAIT)
                    .until(() -> agent.inbox().raw().stream().anyMatch(t -> t.contains(after)));
            long relayAgain = millisSince(resumedAt);
            hiccup.settle(resumedAt);

            List<String> agentGot = agent.inbox().raw();
            long deliveredLate = sentDuringPause.stream()
                    .filter(m -> agentGot.stream().anyMatch(t -> t.contains(m))).count();
            System.out.printf("Redis paused %d ms under traffic: relay on the open sockets again %d ms after the "
                            + "resume; %d candidates sent during the pause, %d delivered late; %s%n", PAUSE.toMillis(),
                    relayAgain, sentDuringPause.size(), deliveredLate, hiccup.joinFigures());
            hiccup.assertNoOneTurnedAway("a 2 s Redis pause", pausedAt);
            assertThat(agent.inbox().isClosed() || customer.inbox().isClosed()).as("a socket closed").isFalse();
        } finally {
            agent.close();
            customer.close();
        }
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
