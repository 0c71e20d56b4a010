package dev.coview.bench.floors;

import dev.coview.bench.core.OpenLoop;
import dev.coview.bench.core.Payloads;
import dev.coview.bench.core.ScenarioResult;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The floor under every signaling figure: raw Redis PUBLISH → subscriber latency with the Vert.x Redis client
 * the services use (quarkus-redis-client is built on it), ~200-byte messages at a fixed rate.
 */
public final class RedisFloor {

    private static final String CHANNEL = "bench:floor";

    private RedisFloor() {
    }

    public static ScenarioResult run(String redisUrl, int ratePerSecond, Duration warmup, Duration measure)
            throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            RedisConnection sub = await(Redis.createClient(vertx, redisUrl).connect());
            RedisConnection pub = await(Redis.createClient(vertx, redisUrl).connect());
            FloorTraffic traffic = new FloorTraffic("publish→subscriber");
            sub.handler(msg -> {
                long now = System.nanoTime();
                if (msg.size() == 3 && "message".equals(msg.get(0).toString())) {
                    traffic.received(msg.get(2).toString(), now);
                }
            });
            await(sub.send(Request.cmd(Command.SUBSCRIBE).arg(CHANNEL)));
            try (OpenLoop loop = new OpenLoop("bench-redis-floor", ratePerSecond, intended -> {
                pub.send(Request.cmd(Command.PUBLISH).arg(CHANNEL)
                        .arg(Payloads.stamped(intended, FloorTraffic.PAYLOAD_BYTES)));
                traffic.sending();
            }).start()) {
                return traffic.measure("floor-redis", loop, ratePerSecond, Map.of(), warmup, measure, () -> { });
            }
        } finally {
            dev.coview.bench.core.VertxShutdown.close(vertx);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
