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
 * The Kafka readiness check against the real broker of deploy/local, frozen with SIGSTOP (it keeps its sockets open
 * and answers nothing, like a hung broker): within {@code coview.health.kafka-grace} (5 s) the check stays UP
 * (degraded: a short broker pause must not turn every pod away at once) and answers within its 1 s timeout instead
 * of waiting for the admin client; past the grace it answers DOWN; UP again once the broker runs.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class KafkaReadinessCheckTest {

    @Inject
    @Readiness
    KafkaReadinessCheck check;

    @Test
    void aShortBrokerPauseStaysReadyALongOneIsReportedDown() {
        Awaitility.await("UP with the broker running").atMost(Duration.ofSeconds(20))
                .until(() -> status() == HealthCheckResponse.Status.UP);
        var kafka = LocalStackResource.stack().kafka().process();
        long pausedAt = System.nanoTime();
        kafka.pause();
        try {
            long asked = System.nanoTime();
            HealthCheckResponse hiccup = check.call().await().atMost(Duration.ofSeconds(5));
            long answeredMillis = (System.nanoTime() - asked) / 1_000_000;
            assertThat(hiccup.getStatus()).as("within the grace").isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(hiccup.getData().orElseThrow().get("reason")).isEqualTo("no answer within 1000 ms");
            Awaitility.await("DOWN once the grace is over").atMost(Duration.ofSeconds(20))
                    .until(() -> status() == HealthCheckResponse.Status.DOWN);
            System.out.printf("Kafka frozen: the check answered in %d ms (timeout 1 s), readiness DOWN after %d ms "
                    + "(grace 5 s)%n", answeredMillis, (System.nanoTime() - pausedAt) / 1_000_000);
        } finally {
            kafka.resume();
        }
        Awaitility.await("UP again after the resume").atMost(Duration.ofSeconds(20))
                .until(() -> status() == HealthCheckResponse.Status.UP);
    }

    private HealthCheckResponse.Status status() {
        return check.call().await().atMost(Duration.ofSeconds(5)).getStatus();
    }
}
