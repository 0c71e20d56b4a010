package dev.coview.support.ws;

import dev.coview.contracts.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Socket upgrades per participant, counted in Redis across both socket services and every instance: a client in a
 * reconnect loop is refused (429) instead of costing a token check, a join and a pair of session events per turn.
 * A client's own backoff stays far below the budget.
 */
@ApplicationScoped
public class UpgradeThrottle {

    private final ReactiveValueCommands<String, Long> counters;
    private final ReactiveKeyCommands<String> keys;
    private final WebSocketConfig config;

    @Inject
    public UpgradeThrottle(ReactiveRedisDataSource redis, WebSocketConfig config) {
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
        this.config = config;
    }

    /** Counts one upgrade of {@code participantId}; whether it is within the budget. */
    public Uni<Boolean> allow(String participantId) {
        String key = RedisKeys.socketUpgrades(participantId);
        return counters.incr(key).call(n -> n == 1
                        ? keys.pexpire(key, config.upgradeWindow().toMillis())
                        : Uni.createFrom().voidItem())
                .map(n -> n <= config.upgradesPerWindow());
    }
}
