package dev.coview.signaling;

import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.ServiceHealthContract;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Health and metrics of signaling-service against the real Redis and Kafka of deploy/local. Registers the JVM's
 * {@link LocalStackResource} for every test of this module (global scope).
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class HealthTest extends ServiceHealthContract {
}
