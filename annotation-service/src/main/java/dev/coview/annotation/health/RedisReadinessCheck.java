package dev.coview.annotation.health;

import dev.coview.annotation.config.AnnotationConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Redis answers a PING within {@code coview.annotation.redis-check-timeout}. Replaces quarkus-redis-client's own
 * check ({@code quarkus.redis.health.enabled=false}), which blocks for the client's whole timeout (10 s) when Redis
 * is frozen: a probe would hang instead of answering DOWN. Same name as that check, which dashboards and the
 * platform's health contract know.
 */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "Redis connection health check";

    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    AnnotationConfig config;

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.execute("PING")
                .ifNoItem().after(config.redisCheckTimeout()).fail()
                .map(pong -> HealthCheckResponse.up(NAME))
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(NAME).down()
                        .withData("reason", e instanceof TimeoutException
                                ? "no answer within " + config.redisCheckTimeout().toMillis() + " ms"
                                // The class only: a client's message may quote the connection URL.
                                : e.getClass().getSimpleName())
                        .build());
    }
}
