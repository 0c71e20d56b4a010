package dev.coview.support.health;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Redis answers a PING within {@code coview.health.redis-timeout}, in every service. Replaces quarkus-redis-client's
 * own check ({@code quarkus.redis.health.enabled=false} in each service), which blocks for the client's whole timeout
 * (10 s) when Redis is frozen: a probe would hang instead of answering DOWN (seen in the Redis-freeze tests of
 * annotation- and signaling-service). Same name as that check, which dashboards and the platform's health contract
 * know. A failure turns the check DOWN only once Redis has failed it for {@code coview.health.redis-grace}: Redis is
 * shared, so a short hiccup would otherwise turn every pod away at the same moment.
 */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "Redis connection health check";

    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    HealthConfig config;

    /** {@link System#nanoTime()} of the first failed check since the last good one; 0 while Redis answers. */
    private final AtomicLong failingSince = new AtomicLong();

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.execute("PING")
                .ifNoItem().after(config.redisTimeout()).fail()
                .map(pong -> {
                    failingSince.set(0);
                    return HealthCheckResponse.up(NAME);
                })
                .onFailure().recoverWithItem(this::failed);
    }

    private HealthCheckResponse failed(Throwable e) {
        long now = System.nanoTime();
        failingSince.compareAndSet(0, now);
        long failingMillis = (now - failingSince.get()) / 1_000_000;
        String reason = e instanceof TimeoutException
                ? "no answer within " + config.redisTimeout().toMillis() + " ms"
                // The class only: a client's message may quote the connection URL.
                : e.getClass().getSimpleName();
        boolean withinGrace = failingMillis < config.redisGrace().toMillis();
        return HealthCheckResponse.named(NAME).status(withinGrace)
                .withData("reason", reason)
                .withData("degraded-for-ms", failingMillis)
                .build();
    }
}
