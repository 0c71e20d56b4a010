package dev.coview.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.local.servers.ChildProcess;
import io.smallrye.health.api.AsyncHealthCheck;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;

/**
 * What a readiness check promises while its server is frozen with SIGSTOP (it keeps its sockets open and answers
 * nothing, like a hung server): within the check's grace (5 s) it stays UP, degraded, and answers within its own
 * 1 s timeout rather than the client's; past the grace it answers DOWN; UP again once the server runs.
 */
final class FrozenServer {

    private FrozenServer() {
    }

    /**
     * Freezes {@code server} and asserts the check's answers through the freeze and after it.
     * @param name the server, for the printed figures
     * @param upAgainWithin how long the check may take to answer UP once the server runs again
     */
    static void assertReadinessThroughAFreeze(AsyncHealthCheck check, ChildProcess server, String name,
            Duration upAgainWithin) {
        long pausedAt = System.nanoTime();
        server.pause();
        try {
            long asked = System.nanoTime();
            HealthCheckResponse hiccup = check.call().await().atMost(Duration.ofSeconds(5));
            long answeredMillis = (System.nanoTime() - asked) / 1_000_000;
            assertThat(hiccup.getStatus()).as("within the grace").isEqualTo(Status.UP);
            assertThat(hiccup.getData().orElseThrow().get("reason")).isEqualTo("no answer within 1000 ms");
            Awaitility.await("DOWN once the grace is over").atMost(Duration.ofSeconds(20))
                    .until(() -> status(check) == Status.DOWN);
            System.out.printf("%s frozen: the check answered in %d ms (timeout 1 s), readiness DOWN after %d ms "
                    + "(grace 5 s)%n", name, answeredMillis, (System.nanoTime() - pausedAt) / 1_000_000);
        } finally {
            server.resume();
        }
        Awaitility.await("UP again after the resume").atMost(upAgainWithin)
                .until(() -> status(check) == Status.UP);
    }

    static Status status(AsyncHealthCheck check) {
        return check.call().await().atMost(Duration.ofSeconds(5)).getStatus();
    }
}
