package dev.coview.support.health;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Redis answers a PING within {@code coview.health.redis-timeout}, in every service. Replaces quarkus-redis-client's
 * own check ({@code quarkus.redis.health.enabled=false} in each service), which blocks for the client's whole timeout
 * (10 s) when Redis is frozen: a probe would hang instead of answering DOWN (seen in the Redis-freeze tests of
 * annotation- and signaling-service). Same name as that check, which dashboards and the platform's health contract
 * know.
 */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "Redis connection health check";

    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    HealthConfig config;

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.execute("PING")
                .ifNoItem().after(config.redisTimeout()).fail()
                .map(pong -> HealthCheckResponse.up(NAME))
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(NAME).down()
                        .withData("reason", e instanceof TimeoutException
                                ? "no answer within " + config.redisTimeout().toMillis() + " ms"
                                // The class only: a client's message may quote the connection URL.
                                : e.getClass().getSimpleName())
                        .build());
    }
}
