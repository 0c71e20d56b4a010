package dev.coview.signaling.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Role;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.TestTokens;
import dev.coview.signaling.routing.SignalingKeys;
import dev.coview.signaling.testing.SignalClient;
import dev.coview.support.testing.TracingOn;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Traces through signaling-service, read back from an in-memory exporter (tracing on through {@link TracingOn}; real
 * Redis and Kafka of deploy/local): a socket continues the trace of the join that issued its token, and a signal
 * relayed to a participant on another instance is one trace across the room's Redis channel. The other instance is
 * played by the test on the same real Redis: a presence entry for its participant, a subscriber on the room's
 * channel, and a publish of a traced delivery.
 */
@QuarkusTest
@TestProfile(TracingOn.class)
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class RelayTraceTest {

    private static final Duration WAIT = SignalClient.WAIT;
    private static final String JOIN_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String JOIN_SPAN = "b7ad6b7169203331";
    private static final String REMOTE_TRACE = "5b8aa5a2d2c872e8321cf37308d69df2";
    private static final String REMOTE_SPAN = "051581bf3cb55c13";

    @TestHTTPResource("/")
    URI base;
    @Inject
    InMemorySpanExporter spans;
    @Inject
    RedisDataSource redis;

    @Test
    void theSocketContinuesTheJoinAndARelayIsOneTraceAcrossInstances() throws Exception {
        String room = TestTokens.randomId();
        String customerId = TestTokens.randomId();
        String remoteId = TestTokens.randomId();
        String token = TestTokens.tracedToken(room, customerId, Role.CUSTOMER,
                "00-" + JOIN_TRACE + "-" + JOIN_SPAN + "-01");
        // The agent is on another instance (alive), as far as this one can tell from Redis.
        String otherInstance = "other-" + TestTokens.randomId();
        redis.value(String.class).setex(SignalingKeys.instance(otherInstance), 60, "1");
        redis.hash(String.class).hset(SignalingKeys.presence(room), remoteId, "{\"instance\":\"" + otherInstance
                + "\",\"connection\":\"c1\",\"role\":\"agent\",\"name\":\"\",\"sharing\":false,\"away\":false}");
        BlockingQueue<String> channel = new LinkedBlockingQueue<>();
        PubSubCommands.RedisSubscriber subscriber = redis.pubsub(String.class)
                .subscribe(SignalingKeys.channel(room), channel::add);
        try (SignalClient customer = SignalClient.connect(base, token)) {
            customer.received().next("welcome", WAIT);

            // The socket's join continues the join that issued the token.
            SpanData open = span("signal socket open", JOIN_TRACE);
            assertThat(open.getParentSpanId()).isEqualTo(JOIN_SPAN);
            assertThat(open.getKind()).isEqualTo(SpanKind.SERVER);

            // Out: the relay's span context travels in the envelope on the room's channel.
            customer.send("{\"type\":\"offer\",\"to\":\"" + remoteId + "\",\"sdp\":\"v=0 offer\"}");
            String published = nextDelivery(channel);
            SpanData relay = Awaitility.await("the relay's span").atMost(WAIT).until(() -> spans
                    .getFinishedSpanItems().stream().filter(s -> s.getName().equals("signal relay")).findFirst()
                    .orElse(null), s -> s != null);
            assertThat(relay.getParentSpanContext().isValid()).as("a relay starts a trace of its own").isFalse();
            assertThat(published).startsWith("t00-" + relay.getTraceId() + "-" + relay.getSpanId() + "-01d");

            // In: a traced delivery from the other instance is delivered inside a span continuing its trace.
            String answer = "{\"type\":\"answer\",\"to\":\"" + customerId + "\",\"from\":\"" + remoteId
                    + "\",\"sdp\":\"v=0 answer\"}";
            redis.pubsub(String.class).publish(SignalingKeys.channel(room), "t00-" + REMOTE_TRACE + "-"
                    + REMOTE_SPAN + "-01d" + customerId.length() + ":" + customerId + answer);
            assertThat(customer.received().nextOfType("answer", WAIT).path("from").asText()).isEqualTo(remoteId);
            SpanData deliver = span("signal deliver", REMOTE_TRACE);
            assertThat(deliver.getParentSpanId()).isEqualTo(REMOTE_SPAN);
            assertThat(deliver.getKind()).isEqualTo(SpanKind.CONSUMER);
        } finally {
            subscriber.unsubscribe();
            redis.key().del(SignalingKeys.presence(room), SignalingKeys.instance(otherInstance));
        }
    }

    private SpanData span(String name, String traceId) {
        return Awaitility.await(name).atMost(WAIT).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name) && s.getTraceId().equals(traceId)).findFirst().orElse(null),
                s -> s != null);
    }

    /** The next relayed signal on the channel (not the room's own joined/left notices, which are JSON). */
    private static String nextDelivery(BlockingQueue<String> channel) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String message = channel.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message != null && !message.startsWith("{")) {
                return message;
            }
        }
        throw new AssertionError("no delivery on the room's channel within " + WAIT);
    }
}
