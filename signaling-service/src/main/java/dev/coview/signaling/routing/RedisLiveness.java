package dev.coview.signaling.routing;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The liveness of instances sharing a Redis: each keeps a key ({@link SignalingKeys#instance}) that outlives its
 * heartbeat by the presence TTL, so a killed instance turns dead within that TTL. An instance only judges the others
 * while Redis has answered its own heartbeats steadily for a full TTL: after an outage, every instance's key may have
 * expired meanwhile, and each needs up to a heartbeat to come back.
 */
final class RedisLiveness implements InstanceLiveness {

    private final ReactiveValueCommands<String, String> values;
    private final String instanceId;
    private final Duration heartbeat;
    private final Duration ttl;
    /** When the last heartbeat reached Redis ({@link System#nanoTime()}). */
    private volatile long lastHeartbeat = System.nanoTime();
    /** Until when no other instance may be judged dead (see the class comment). */
    private volatile long judgeNotBefore = System.nanoTime();

    RedisLiveness(ReactiveRedisDataSource redis, String instanceId, Duration heartbeat, Duration ttl) {
        this.values = redis.value(String.class);
        this.instanceId = instanceId;
        this.heartbeat = heartbeat;
        this.ttl = ttl;
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public Uni<Void> beat() {
        return values.setex(SignalingKeys.instance(instanceId), Math.max(1, ttl.toSeconds()), "1")
                .invoke(this::reached);
    }

    private void reached() {
        long now = System.nanoTime();
        if (now - lastHeartbeat > 2 * heartbeat.toNanos()) {
            // Redis did not answer for a while: give every instance a full TTL to re-announce itself.
            judgeNotBefore = now + ttl.toNanos();
        }
        lastHeartbeat = now;
    }

    @Override
    public void missed() {
        judgeNotBefore = System.nanoTime() + ttl.toNanos();
    }

    @Override
    public boolean mayJudgeOthers() {
        long now = System.nanoTime();
        return now >= judgeNotBefore && now - lastHeartbeat <= 2 * heartbeat.toNanos();
    }

    @Override
    public Uni<Set<String>> dead(Set<String> instances) {
        Set<String> others = instances.stream().filter(i -> !i.equals(instanceId)).collect(Collectors.toSet());
        if (others.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        String[] keys = others.stream().map(SignalingKeys::instance).toArray(String[]::new);
        return values.mget(keys).map(found -> others.stream()
                .filter(i -> found.get(SignalingKeys.instance(i)) == null)
                .collect(Collectors.toSet()));
    }
}
