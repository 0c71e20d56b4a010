package dev.coview.signaling.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.TestTokens;
import dev.coview.support.tracing.Traces;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An instance's subscriptions to rooms' channels ({@link RedisRoomBus}) match what Redis has, whichever threads the
 * rooms are left and joined on. A room's last socket closing (UNSUBSCRIBE) and a new socket joining it (SUBSCRIBE)
 * happen on different event loops; the Vert.x Redis client writes a command at once when it is issued on the
 * connection's own event loop and queues it when issued on another, so the later SUBSCRIBE could reach Redis first.
 * Redis then confirmed the subscription (the new socket was welcomed) and removed it: that instance heard nothing
 * of the room again, and its participant got no signal at all. Against the real Redis of deploy/local
 * ({@link LocalStackResource}).
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class RoomSubscriptionOrderTest {

    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    ObjectMapper mapper;
    @Inject
    Traces traces;
    @Inject
    Vertx vertx;

    private RedisRoomBus bus;

    @AfterEach
    void stop() {
        bus.stop();
    }

    /** A socket joining while the instance stops: refused, and no subscriber connection is opened after the stop. */
    @Test
    void aStoppedBusSubscribesToNothing() {
        bus = new RedisRoomBus(redis, mapper, traces, vertx);
        bus.stop();
        assertThatThrownBy(() -> bus.subscribe(TestTokens.randomId()).await().atMost(Duration.ofSeconds(10)))
                .hasMessageContaining("stopped");
    }

    @Test
    void aRoomLeftOnOneLoopAndJoinedAgainOnTheSubscribersOwnLoopIsStillHeard() {
        bus = new RedisRoomBus(redis, mapper, traces, vertx);
        String room = TestTokens.randomId();
        String trigger = TestTokens.randomId();
        List<String> heard = new CopyOnWriteArrayList<>();
        String[] joinedOn = new String[1];
        CompletableFuture<Void> rejoined = new CompletableFuture<>();
        bus.listen((r, message) -> {
            if (!r.equals(trigger)) {
                heard.add(r);
                return;
            }
            // Messages are handled on the subscriber connection's event loop. There, the room's last socket leaves
            // on another thread (its UNSUBSCRIBE queued), then a socket joins (its SUBSCRIBE written at once).
            joinedOn[0] = Thread.currentThread().getName();
            Thread leaving = new Thread(() -> bus.unsubscribeIf(room, idle -> true));
            leaving.start();
            try {
                leaving.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            bus.subscribe(room).subscribe().with(ok -> rejoined.complete(null), rejoined::completeExceptionally);
        });
        bus.subscribe(room).await().atMost(Duration.ofSeconds(10));
        bus.subscribe(trigger).await().atMost(Duration.ofSeconds(10));

        bus.publish(trigger, new BusMessage.Left("someone", "left")).await().atMost(Duration.ofSeconds(10));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(rejoined::isDone);
        assertThat(rejoined).isCompleted();
        assertThat(joinedOn[0]).as("joined on an event loop").contains("eventloop");

        bus.publish(room, new BusMessage.Left("someone", "left")).await().atMost(Duration.ofSeconds(10));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(room));
    }
}
