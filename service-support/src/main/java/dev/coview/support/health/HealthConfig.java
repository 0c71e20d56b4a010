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
}
