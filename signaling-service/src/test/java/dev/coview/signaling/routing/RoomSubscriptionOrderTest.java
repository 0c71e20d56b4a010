package dev.coview.signaling.routing;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void aRoomLeftOnOneLoopAndJoinedAgainOnTheSubscribersOwnLoopIsStillHeard() {
        bus = new RedisRoomBus(redis, mapper, traces, vertx);
        List<String> heard = new CopyOnWriteArrayList<>();
        bus.listen((room, message) -> heard.add(room));
        String room = TestTokens.randomId();
        bus.subscribe(room).await().atMost(Duration.ofSeconds(10));

        // What follows a confirmation runs on the subscriber connection's event loop (its answer arrived there).
        // There, the room's last socket leaves on another thread (queued), then a socket joins (written at once).
        String[] joinedOn = new String[1];
        bus.subscribe(TestTokens.randomId()).chain(() -> {
            joinedOn[0] = Thread.currentThread().getName();
            Thread leaving = new Thread(() -> bus.unsubscribeIf(room, r -> true));
            leaving.start();
            try {
                leaving.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return bus.subscribe(room);
        }).await().atMost(Duration.ofSeconds(10));
        assertThat(joinedOn[0]).as("joined on an event loop").contains("eventloop");

        bus.publish(room, new BusMessage.Left("someone", "left")).await().atMost(Duration.ofSeconds(10));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(room));
    }
}
