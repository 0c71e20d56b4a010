package dev.coview.support.health;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Redis answers a PING within {@code coview.health.redis-timeout}, in every service. Replaces quarkus-redis-client's
 * own check ({@code quarkus.redis.health.enabled=false} in each service), which blocks for the client's whole timeout
 * (10 s) when Redis is frozen: a probe would hang instead of answering DOWN (seen in the Redis-freeze tests of
 * annotation- and signaling-service). Same name as that check, which dashboards and the platform's health contract
 * know. A failure turns the check DOWN only once Redis has failed it for {@code coview.health.redis-grace} ({@link
 * Grace}): Redis is shared, so a short hiccup would otherwise turn every pod away at the same moment.
 */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "Redis connection health check";

    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    HealthConfig config;

    private Grace grace;

    @PostConstruct
    void init() {
        grace = new Grace(NAME, config.redisGrace(), config.redisTimeout());
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.execute("PING")
                .ifNoItem().after(config.redisTimeout()).fail()
                .map(pong -> grace.up())
                .onFailure().recoverWithItem(grace::failed);
    }
}
