package dev.coview.bench.floors;

import dev.coview.bench.core.LatencyRecorder;
import dev.coview.bench.core.OpenLoop;
import dev.coview.bench.core.Payloads;
import dev.coview.bench.core.ScenarioResult;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
            LatencyRecorder latency = new LatencyRecorder("publish→subscriber");
            AtomicLong received = new AtomicLong();
            sub.handler(msg -> {
                long now = System.nanoTime();
                if (msg.size() == 3 && "message".equals(msg.get(0).toString())) {
                    latency.record(Payloads.intendedOf(msg.get(2).toString()), now);
                    received.incrementAndGet();
                }
            });
            await(sub.send(Request.cmd(Command.SUBSCRIBE).arg(CHANNEL)));
            AtomicLong sent = new AtomicLong();
            try (OpenLoop loop = new OpenLoop("bench-redis-floor", ratePerSecond, intended -> {
                pub.send(Request.cmd(Command.PUBLISH).arg(CHANNEL).arg(Payloads.stamped(intended, 200)));
                sent.incrementAndGet();
            }).start()) {
                Thread.sleep(warmup.toMillis());
                latency.reset();
                long sent0 = sent.get();
                long recv0 = received.get();
                long t0 = System.nanoTime();
                Thread.sleep(measure.toMillis());
                loop.close();
                double seconds = (System.nanoTime() - t0) / 1e9;
                drain(received, sent);
                long s = sent.get() - sent0;
                long r = received.get() - recv0;
                return new ScenarioResult("floor-redis")
                        .parameter("rate_per_s", ratePerSecond)
                        .parameter("payload_bytes", 200)
                        .parameter("seconds", measure.toSeconds())
                        .latency(latency)
                        .figure("achieved_per_s", Math.round(s / seconds))
                        .figure("lost", Math.max(0, s - r));
            }
        } finally {
            dev.coview.bench.core.VertxShutdown.close(vertx);
        }
    }

    static void drain(AtomicLong received, AtomicLong sent) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (received.get() < sent.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
