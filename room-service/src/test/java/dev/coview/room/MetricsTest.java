package dev.coview.room;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.local.testing.PrometheusText;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * room-service's own meters, read from {@code /q/metrics} on the management port of the test instance (real Redis
 * and Kafka of deploy/local): join attempts by outcome and the media volume's space.
 */
@QuarkusTest
class MetricsTest {

    private static final String JOINED = "coview_join_attempts_total{outcome=\"joined\"";
    private static final String REFUSED = "coview_join_attempts_total{outcome=\"join-refused\"";

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void joinAttemptsAreCountedByOutcome() {
        String before = scrape();
        String code = RoomApi.createRoom().jsonPath().getString("joinCode");
        RoomApi.join(RoomApi.newClient(), Map.of("code", code.equals("000000") ? "000001" : "000000")).then()
                .statusCode(404);
        RoomApi.join(RoomApi.newClient(), Map.of("code", code)).then().statusCode(200);
        String after = scrape();
        assertThat(PrometheusText.valueOrZero(after, JOINED) - PrometheusText.valueOrZero(before, JOINED))
                .isEqualTo(1.0);
        assertThat(PrometheusText.valueOrZero(after, REFUSED) - PrometheusText.valueOrZero(before, REFUSED))
                .isEqualTo(1.0);
    }

    @Test
    void theMediaVolumesSpaceIsReported() {
        String text = scrape();
        // OptionalDoubleAssert has no hasValueSatisfying: the value itself is asserted (a missing one throws).
        assertThat(PrometheusText.value(text, "coview_media_volume_free_bytes").orElseThrow()).isPositive();
        assertThat(PrometheusText.value(text, "coview_media_volume_size_bytes").orElseThrow()).isPositive();
    }

    private String scrape() {
        return given().get(metrics.toString()).then().statusCode(200).extract().asString();
    }
}
