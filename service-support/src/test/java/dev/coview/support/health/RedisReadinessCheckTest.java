package dev.coview.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.local.testing.LocalStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/**
 * The Redis readiness check against the real redis-server of deploy/local, frozen with SIGSTOP: within
 * {@code coview.health.redis-grace} (5 s) a frozen Redis keeps the check UP (degraded: a short hiccup must not turn
 * every pod away at once), past it the check answers DOWN (rather than hanging on the client's queue), and UP again
 * once Redis runs.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class RedisReadinessCheckTest {

    @Inject
    @Readiness
    RedisReadinessCheck check;

    @Test
    void aShortFreezeStaysReadyALongOneIsReportedDown() {
        assertThat(status()).isEqualTo(HealthCheckResponse.Status.UP);
        var redis = LocalStackResource.stack().redis().process();
        long pausedAt = System.nanoTime();
        redis.pause();
        try {
            // The check itself must answer (its timeout is 1 s); the client's own would wait 10 s.
            HealthCheckResponse hiccup = check.call().await().atMost(Duration.ofSeconds(5));
            assertThat(hiccup.getStatus()).as("within the grace").isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(hiccup.getData().orElseThrow().get("reason")).isEqualTo("no answer within 1000 ms");
            Awaitility.await("DOWN once the grace is over").atMost(Duration.ofSeconds(20))
                    .until(() -> status() == HealthCheckResponse.Status.DOWN);
            System.out.printf("Redis frozen: readiness DOWN after %d ms (grace 5 s, PING timeout 1 s)%n",
                    (System.nanoTime() - pausedAt) / 1_000_000);
        } finally {
            redis.resume();
        }
        Awaitility.await("UP again after the resume").atMost(Duration.ofSeconds(15))
                .until(() -> status() == HealthCheckResponse.Status.UP);
    }

    private HealthCheckResponse.Status status() {
        return check.call().await().atMost(Duration.ofSeconds(5)).getStatus();
    }
}
