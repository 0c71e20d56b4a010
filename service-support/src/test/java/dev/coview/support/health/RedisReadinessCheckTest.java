package dev.coview.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.local.testing.LocalStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
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
        assertThat(FrozenServer.status(check)).isEqualTo(HealthCheckResponse.Status.UP);
        FrozenServer.assertReadinessThroughAFreeze(check, LocalStackResource.stack().redis().process(), "Redis",
                Duration.ofSeconds(15));
    }
}
