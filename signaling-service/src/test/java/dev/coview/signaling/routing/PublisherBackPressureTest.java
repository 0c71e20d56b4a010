package dev.coview.signaling.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.local.servers.RedisServer;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.redis.client.RedisOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A publisher whose Redis stops answering (frozen, as by a long collection on either side) keeps its one connection:
 * the relays the client cannot queue any more fail at once, and when Redis answers again the queued ones complete
 * and the next relays go through. It used to take the client's "waiting queue is full" for a broken connection and
 * hand it back to the pool, full: the next command of the rest of the service (presence writes, the instance's
 * heartbeat) could get it and be refused too, and every failed relay logged a warning. Both were part of signaling's
 * collapse at 12,000 relays/s (bench/results/TUNING-tail.md, session 12). A real redis-server of deploy/local,
 * paused with SIGSTOP.
 */
class PublisherBackPressureTest {

    private static final int QUEUE = 32;
    private static final int RELAYS = 100;

    private final Vertx vertx = Vertx.vertx();
    private RedisServer server;
    private Redis client;
    private ChannelPublisher publisher;

    @BeforeEach
    void start() throws Exception {
        server = RedisServer.start(Files.createTempDirectory("publisher-back-pressure"), Duration.ofSeconds(20));
        client = Redis.createClient(vertx, new RedisOptions().setConnectionString(server.url())
                .setMaxWaitingHandlers(QUEUE).setMaxPoolSize(6).setMaxPoolWaiting(24));
        publisher = new ChannelPublisher(client);
    }

    @AfterEach
    void stop() {
        server.process().resume();
        publisher.stop();
        client.close();
        server.close();
        vertx.closeAndAwait();
    }

    @Test
    void aFrozenRedisRefusesWhatThePublisherCannotQueueWithoutPoisoningThePoolAndTheConnectionCarriesOn()
            throws Exception {
        client.send(Request.cmd(Command.HSET).arg("presence").arg("addressee").arg("1")).await().indefinitely();
        publisher.publish("open", "the publisher's connection").await().indefinitely();

        server.process().pause();
        List<String> outcomes = new CopyOnWriteArrayList<>();
        vertx.getOrCreateContext().runOnContext(() -> {
            for (int i = 0; i < RELAYS; i++) {
                publisher.publishIfPresent("presence", "addressee", "signals", "signal " + i).onComplete(outcome ->
                        outcomes.add(outcome.succeeded() ? "delivered " + outcome.result()
                                : SignalRouter.fellBehind(outcome.cause()) ? "refused: queue full"
                                : "failed: " + outcome.cause()));
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outcomes.size() >= RELAYS - QUEUE);
        assertThat(outcomes).as("while Redis is frozen: all that the queue cannot hold, refused at once")
                .hasSize(RELAYS - QUEUE).containsOnly("refused: queue full");

        // The rest of the service (presence, heartbeats) uses the pool: none of its commands may land on the
        // publisher's full connection.
        List<String> pooled = new CopyOnWriteArrayList<>();
        client.send(Request.cmd(Command.PING)).subscribe().with(pong -> pooled.add(pong.toString()),
                e -> pooled.add("failed: " + e.getMessage()));

        server.process().resume();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outcomes.size() == RELAYS);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !pooled.isEmpty());
        assertThat(pooled).as("a command through the pool, sent while Redis was frozen").containsExactly("PONG");
        assertThat(outcomes.subList(RELAYS - QUEUE, RELAYS)).as("the queued relays, once Redis answers again")
                .containsOnly("delivered true");
        assertThat(publisher.publishIfPresent("presence", "addressee", "signals", "after").toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS)).as("the next relay").isTrue();
    }
}
