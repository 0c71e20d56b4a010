package dev.coview.annotation.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Role;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.PrometheusText;
import dev.coview.local.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * annotation-service's meters, read from {@code /q/metrics} on the management port of the test instance (real Kafka
 * and Redis of deploy/local): open sockets by role, active rooms, the apply lag of a durable event and the fan-out
 * lag of a pointer move, and the Kafka consumer's lag per partition.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class AnnotationMetricsTest {

    private static final String AGENTS = "coview_sockets_open{role=\"agent\"";
    private static final String CUSTOMERS = "coview_sockets_open{role=\"customer\"";
    private static final String APPLIED = "coview_annotation_apply_lag_seconds_count";
    private static final String FANNED_OUT = "coview_pointer_fanout_lag_seconds_count";

    @TestHTTPResource("/")
    URI base;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void socketsRoomsAndLagsAreMeasured() {
        String before = scrape();
        String room = TestTokens.randomId();
        try (TestSocket agent = TestSocket.joined(base, room, Role.AGENT);
             TestSocket customer = TestSocket.joined(base, room, Role.CUSTOMER)) {
            agent.send(AnnotationSocketTest.STROKE.formatted("m1"));
            customer.expect("event");
            agent.send("{\"type\":\"pointer\",\"x\":0.5,\"y\":0.5}");
            customer.expect("event"); // pointer frames arrive as events of type pointer

            String during = scrape();
            assertThat(delta(before, during, AGENTS)).isEqualTo(1.0);
            assertThat(delta(before, during, CUSTOMERS)).isEqualTo(1.0);
            assertThat(delta(before, during, "coview_rooms_active")).isEqualTo(1.0);
            assertThat(delta(before, during, APPLIED)).isGreaterThanOrEqualTo(1.0);
            assertThat(delta(before, during, FANNED_OUT)).isGreaterThanOrEqualTo(1.0);
            assertThat(PrometheusText.value(during, "coview_rooms_materialized")).isPresent();
            // The annotation log consumer's lag (Micrometer's Kafka client binder): the series the
            // CoViewKafkaConsumerLag alert reads. Its per-partition series appear only at the binder's next scan
            // for new Kafka metrics (every 60 s), so they are not awaited here.
            assertThat(PrometheusText.value(during, "kafka_consumer_fetch_manager_records_lag_max"))
                    .as("records_lag_max").isPresent();
        }
    }

    private static double delta(String before, String after, String series) {
        return PrometheusText.valueOrZero(after, series) - PrometheusText.valueOrZero(before, series);
    }

    private String scrape() {
        return given().get(metrics.toString()).then().statusCode(200).extract().asString();
    }
}
