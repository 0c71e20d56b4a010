package dev.coview.annotation.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Role;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.TestTokens;
import dev.coview.support.testing.TracingOn;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Traces through annotation-service, read back from an in-memory exporter (tracing on through {@link TracingOn};
 * real Redis and Kafka of deploy/local): a socket continues the trace of the join that issued its token, and a
 * durable event is one trace from the author's socket through {@code coview.annotations} (the traceparent in the
 * record's headers) to the apply that writes it to the room's sockets.
 */
@QuarkusTest
@TestProfile(TracingOn.class)
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class AnnotationTraceTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String JOIN_TRACE = "8a3c60f7d188f8fa79d48a391a778fa6";
    private static final String JOIN_SPAN = "53995c3f42cd8ad8";

    @TestHTTPResource("/")
    URI base;
    @Inject
    InMemorySpanExporter spans;

    @Test
    void theSocketContinuesTheJoinAndAnEventIsOneTraceThroughKafka() {
        String room = TestTokens.randomId();
        String agentId = TestTokens.randomId();
        String token = TestTokens.tracedToken(room, agentId, Role.AGENT, "00-" + JOIN_TRACE + "-" + JOIN_SPAN + "-01");
        try (TestSocket agent = TestSocket.open(base, token, agentId)) {
            agent.expect("state");
            SpanData open = span(s -> s.getName().equals("annotation socket open")
                    && s.getTraceId().equals(JOIN_TRACE));
            assertThat(open.getParentSpanId()).isEqualTo(JOIN_SPAN);

            agent.send(AnnotationSocketTest.STROKE.formatted("traced-1"));
            agent.event("stroke");
            SpanData accept = span(s -> s.getName().equals("annotation accept")
                    && agentId.equals(s.getAttributes().asMap().entrySet().stream()
                    .filter(e -> e.getKey().getKey().equals("coview.participant.id"))
                    .map(e -> String.valueOf(e.getValue())).findFirst().orElse(null)));
            assertThat(accept.getParentSpanContext().isValid()).as("an event starts a trace of its own").isFalse();
            SpanData apply = span(s -> s.getName().equals("annotation apply")
                    && s.getTraceId().equals(accept.getTraceId()));
            assertThat(apply.getParentSpanId()).isEqualTo(accept.getSpanId());
            assertThat(apply.getKind()).isEqualTo(SpanKind.CONSUMER);
        }
    }

    private SpanData span(Predicate<SpanData> wanted) {
        return Awaitility.await("a span").atMost(WAIT).until(() -> spans.getFinishedSpanItems().stream()
                .filter(wanted).findFirst().orElse(null), s -> s != null);
    }
}
