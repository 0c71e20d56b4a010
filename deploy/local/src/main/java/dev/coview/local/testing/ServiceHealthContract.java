package dev.coview.local.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * What every CoView service promises its platform team, as tests a service's {@code HealthTest} inherits: the
 * three health endpoints and Prometheus metrics on the management interface (a port of its own), none of them on
 * the main port that the Ingress routes to, and readiness that really checks Redis and Kafka.
 * The subclass carries {@code @QuarkusTest} and the {@link dev.coview.local.testing.LocalStackResource}, so the checks run
 * against the real servers of deploy/local.
 */
public abstract class ServiceHealthContract {

    /**
     * The management interface's root ({@code http://localhost:<free port>/q/}); injected by Quarkus, which puts the
     * management root path ({@code /q}) in front of the value.
     */
    @TestHTTPResource(value = "/", management = true)
    protected URL management;

    /** The management interface's {@code /q/…} URL of {@code path} (e.g. {@code "health/ready"}). */
    protected String managementUrl(String path) {
        return management.toString().replaceAll("/+$", "") + "/" + path;
    }

    @Test
    void readinessIsUpAndChecksRedisAndKafka() {
        given().get(managementUrl("health/ready")).then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Redis connection health check", "Kafka connection health check"));
    }

    @Test
    void livenessAndStartupAreUp() {
        given().get(managementUrl("health/live")).then().statusCode(200).body("status", equalTo("UP"));
        given().get(managementUrl("health/started")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreServedInPrometheusFormat() {
        given().get(managementUrl("metrics")).then()
                .statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    /** The Ingress routes the main port: nothing of the management interface may answer there. */
    @Test
    void theMainPortServesNoHealthMetricsOrOpenApi() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics",
                "/q/openapi", "/q/swagger-ui"}) {
            given().get(path).then().statusCode(404);
        }
    }
}
