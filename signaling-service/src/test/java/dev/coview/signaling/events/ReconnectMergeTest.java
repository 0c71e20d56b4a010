package dev.coview.signaling.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.events.ParticipantDisconnected;
import dev.coview.contracts.events.SessionEventType;
import dev.coview.signaling.config.SignalingConfig;
import dev.coview.support.events.SessionEventPublisher;
import dev.coview.support.tracing.Traces;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Session events describe participants, not sockets: whatever order a reconnect loop's opens and closes reach
 * {@link SignalEvents} in, the participant is announced connected once and disconnected once (issue 24 item 12;
 * before, a newer socket that joined before the older one's close was announced connected a second time). The
 * merged disconnect is awaited, so every earlier timer has fired by then. Pure unit test with a real Vert.x timer.
 */
class ReconnectMergeTest {

    private static final String ROOM = "room-1";
    private static final String WHO = "customer-1";

    private final Vertx vertx = Vertx.vertx();
    private final Recorder published = new Recorder();
    private final SignalEvents events = new SignalEvents(published, vertx, config(Duration.ofMillis(100)));

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aNewerSocketJoiningBeforeTheOlderClosedIsNotAnnouncedAgain() {
        events.connected(ROOM, WHO, "customer", false);
        events.connected(ROOM, WHO, "customer", false); // the newer socket joined first
        events.disconnected(ROOM, WHO, "customer", ParticipantDisconnected.REPLACED, true);
        events.disconnected(ROOM, WHO, "customer", ParticipantDisconnected.DROPPED, true);
        assertThat(merged()).containsExactly("participant.connected", "participant.disconnected dropped");
    }

    @Test
    void aLoopOfCloseThenOpenIsMergedIntoOneConnectedAndOneDisconnected() {
        for (int i = 0; i < 20; i++) {
            events.connected(ROOM, WHO, "customer", i > 0);
            events.disconnected(ROOM, WHO, "customer", ParticipantDisconnected.DROPPED, true);
        }
        assertThat(merged()).containsExactly("participant.connected", "participant.disconnected dropped");
    }

    @Test
    void aByeWhileAnotherSocketOfTheParticipantIsOpenIsNotADeparture() {
        events.connected(ROOM, WHO, "customer", false);
        events.connected(ROOM, WHO, "customer", false);
        events.disconnected(ROOM, WHO, "customer", ParticipantDisconnected.BYE, false);
        assertThat(published.types).containsExactly("participant.connected");
        events.disconnected(ROOM, WHO, "customer", ParticipantDisconnected.BYE, false);
        assertThat(published.types).containsExactly("participant.connected", "participant.disconnected bye");
    }

    /** What was published once the participant's disconnect (after the merge time) arrived. */
    private List<String> merged() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> published.types.stream().anyMatch(t -> t.startsWith("participant.disconnected")));
        return published.types;
    }

    private static SignalingConfig config(Duration merge) {
        return (SignalingConfig) Proxy.newProxyInstance(SignalingConfig.class.getClassLoader(),
                new Class<?>[] {SignalingConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("reconnectMerge")) {
                        return merge;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The events as they would reach Kafka: type, and the reason of a disconnect. */
    private static final class Recorder extends SessionEventPublisher {
        final List<String> types = new CopyOnWriteArrayList<>();

        Recorder() {
            super(null, null, null, Traces.off(), new SimpleMeterRegistry());
        }

        @Override
        public Uni<Void> publish(SessionEventType type, String roomId, Object data) {
            String name = type.type().substring(type.type().lastIndexOf("coview.") + "coview.".length());
            types.add(data instanceof ParticipantDisconnected d ? name + " " + d.reason() : name);
            return Uni.createFrom().voidItem();
        }
    }
}
