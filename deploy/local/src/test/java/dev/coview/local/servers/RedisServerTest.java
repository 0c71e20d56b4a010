package dev.coview.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A picked port that another process binds first costs one more attempt, not the run. */
class RedisServerTest {

    @Test
    void aPortTakenBeforeRedisBindsItIsReplacedByAnother() throws Exception {
        Path base = Files.createTempDirectory("coview-redis-port-test");
        AtomicInteger picks = new AtomicInteger();
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int taken = squatter.getLocalPort();
            try (RedisServer redis = RedisServer.start(base.resolve("redis"), Duration.ofSeconds(20),
                    () -> picks.getAndIncrement() == 0 ? taken : FreePort.pick())) {
                assertThat(picks.get()).as("ports tried").isEqualTo(2);
                assertThat(redis.port()).isNotEqualTo(taken);
                assertThat(redis.ping()).isTrue();
                assertThat(Files.readString(base.resolve("redis.log"))).contains("Address already in use");
            }
        } finally {
            LocalStack.deleteTree(base);
        }
    }
}
