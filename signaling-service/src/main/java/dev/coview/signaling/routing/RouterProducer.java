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
            return new LocalSignalRouter(local, events, vertx, config.resumeGrace());
        }
        RedisSignalRouter router = new RedisSignalRouter(local, events, config, vertx, redis, mapper, traces);
        // Startup thread, not an event loop: waiting here keeps sockets out until the instance is announced.
        router.start().await().atMost(Duration.ofSeconds(30));
        return router;
    }

    /** Before the Redis client closes its connections, so the subscriber does not try to reconnect. */
    void stopping(@Observes ShutdownEvent event, SignalRouter router) {
        close(router);
    }

    void close(@Disposes SignalRouter router) {
        if (router instanceof RedisSignalRouter redisRouter) {
            redisRouter.stop();
        }
    }
}
