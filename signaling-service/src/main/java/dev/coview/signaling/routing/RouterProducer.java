package dev.coview.signaling.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.signaling.config.SignalingConfig;
import dev.coview.signaling.events.SignalEvents;
import dev.coview.support.tracing.Traces;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.UUID;

/** Makes the configured {@link SignalRouter} ({@code coview.signaling.router}) at startup. */
@ApplicationScoped
public class RouterProducer {

    @Produces
    @Singleton
    @Startup
    SignalRouter router(SignalingConfig config, LocalRooms local, SignalEvents events, Vertx vertx,
                        ReactiveRedisDataSource redis, ObjectMapper mapper, Traces traces) {
        if (config.presenceTtl().compareTo(config.heartbeat()) <= 0) {
            throw new IllegalStateException("coview.signaling.presence-ttl must exceed coview.signaling.heartbeat");
        }
        if (config.router() == SignalingConfig.RouterKind.LOCAL) {
            return SignalRouter.inMemory(local, events, vertx, config.resumeGrace());
        }
        String instanceId = UUID.randomUUID().toString();
        SignalRouter router = new SignalRouter(local, events, vertx, config.resumeGrace(),
                new RedisPresence(redis, mapper, instanceId, config.presenceTtl()),
                new RedisRoomBus(redis, mapper, traces, vertx),
                new RedisLiveness(redis, instanceId, config.heartbeat(), config.presenceTtl()));
        // Startup thread, not an event loop: waiting here keeps sockets out until the instance is announced.
        router.start(config.heartbeat(), config.presenceCheck()).await().atMost(Duration.ofSeconds(30));
        return router;
    }

    /** Before the Redis client closes its connections, so the subscriber does not try to reconnect. */
    void stopping(@Observes ShutdownEvent event, SignalRouter router) {
        close(router);
    }

    void close(@Disposes SignalRouter router) {
        router.stop();
    }
}
