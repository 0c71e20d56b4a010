package dev.coview.support.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code coview.health.*}: readiness checks every service shares. */
@ConfigMapping(prefix = "coview.health")
public interface HealthConfig {

    /**
     * How long the readiness check waits for Redis to answer a PING before it reports DOWN: a frozen Redis makes the
     * probe fail fast instead of hanging on the client's queue (the client's own timeout is 10 s). Default 1s.
     */
    @WithDefault("1s")
    Duration redisTimeout();

    /**
     * How long Redis may go without answering before readiness reports DOWN. Redis is shared by every pod: a hiccup
     * that fails the check on one pod fails it on all of them at once, and turning every pod away for a 2 s pause
     * would do more harm than the pause itself. While within the grace the check answers UP with
     * {@code degraded-for-ms}. Default 5s; room-service sets 60s (docs/operations.md, "Readiness").
     */
    @WithDefault("5s")
    Duration redisGrace();

    /**
     * How long the readiness check waits for Kafka to describe its cluster before it counts as a failure: a hung broker
     * makes the probe answer instead of waiting for the admin client's request timeout. Default 1s.
     */
    @WithDefault("1s")
    Duration kafkaTimeout();

    /**
     * How long Kafka may go without answering before readiness reports DOWN, for the same reason as
     * {@link #redisGrace()}: the brokers are shared by every pod. Default 5s; room-service sets 60s
     * (docs/operations.md, "Readiness").
     */
    @WithDefault("5s")
    Duration kafkaGrace();
}
