package dev.coview.support.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The test profile of the services' tracing tests: tracing switched on (it is off by default, in tests too), spans
 * exported within 50 ms (to {@link InMemorySpans}' exporter).
 */
public class TracingOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
    }
}
