package dev.coview.support.health;

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
                .until(() -> FrozenServer.status(check) == HealthCheckResponse.Status.UP);
        FrozenServer.assertReadinessThroughAFreeze(check, LocalStackResource.stack().kafka().process(), "Kafka",
                Duration.ofSeconds(20));
    }
}
