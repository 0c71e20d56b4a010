package dev.coview.room.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.auth.Claims;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.room.RoomApi;
import dev.coview.support.testing.TracingOn;
import dev.coview.support.tracing.Traces;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A customer's join is one trace from REST through Redis to the token the sockets continue it with, read back from an
 * in-memory exporter (tracing on through {@link TracingOn}; real Redis and Kafka of deploy/local).
 */
@QuarkusTest
@TestProfile(TracingOn.class)
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class JoinTraceTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aJoinIsOneTraceFromRestThroughRedisToTheTokenItIssues() throws Exception {
        String joinCode = RoomApi.createRoom().jsonPath().getString("joinCode");
        spans.reset();

        String token = given().header("X-Forwarded-For", RoomApi.newClient())
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .contentType(ContentType.JSON).body(Map.of("code", joinCode, "name", "Customer"))
                .post("/api/rooms/join")
                .then().statusCode(200).extract().jsonPath().getString("token");

        List<SpanData> trace = Awaitility.await("the join's spans").atMost(Duration.ofSeconds(10))
                .until(() -> spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getTraceId().equals(TRACE_ID)).toList(), l -> l.stream()
                        .anyMatch(s -> s.getKind() == SpanKind.SERVER) && l.stream()
                        .anyMatch(s -> s.getKind() == SpanKind.CLIENT) && l.stream()
                        .anyMatch(s -> s.getKind() == SpanKind.PRODUCER));
        SpanData server = trace.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        System.out.println("join trace: " + trace.stream().map(s -> s.getKind() + " " + s.getName()).toList());
        // REST: the caller's span is the parent of the join's server span.
        assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN);
        assertThat(server.getName()).contains("/api/rooms/join");
        // → Redis: the join's commands are client spans under it.
        List<SpanData> redis = trace.stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList();
        assertThat(redis).isNotEmpty().allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(server.getSpanId()));
        // → Kafka: each session event the join publishes is one PRODUCER span of CoView's own under it (the
        // connector's tracing is off: a second span per record, and its cost with tracing off).
        List<SpanData> published = trace.stream().filter(s -> s.getKind() == SpanKind.PRODUCER).toList();
        assertThat(published).isNotEmpty().allSatisfy(s -> {
            assertThat(s.getName()).isEqualTo("coview.session-events publish");
            assertThat(s.getParentSpanId()).isEqualTo(server.getSpanId());
            assertThat(s.getAttributes().get(AttributeKey.stringKey(Traces.ROOM_ID))).isNotBlank();
        });
        // → WebSocket: the token carries the join's context; signaling and annotation continue it at the upgrade.
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.path(Claims.TRACEPARENT).asText())
                .isEqualTo("00-" + TRACE_ID + "-" + server.getSpanId() + "-01");
    }
}
