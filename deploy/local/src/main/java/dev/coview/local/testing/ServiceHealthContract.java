package dev.coview.local.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * What every CoView service promises its platform team, as tests a service's {@code HealthTest} inherits: the
 * three health endpoints, readiness that really checks Redis and Kafka, and Prometheus metrics.
 * The subclass carries {@code @QuarkusTest} and the {@link dev.coview.local.LocalStackResource}, so the checks run
 * against the real servers of deploy/local.
 */
public abstract class ServiceHealthContract {

    @Test
    void readinessIsUpAndChecksRedisAndKafka() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Redis connection health check", "Kafka connection health check"));
    }

    @Test
    void livenessAndStartupAreUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreServedInPrometheusFormat() {
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }
}
