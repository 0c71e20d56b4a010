package dev.coview.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.local.servers.KafkaBroker;
import dev.coview.local.servers.LocalStack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * SIGKILLs a JVM that runs the local stack ({@link StackMain}) and proves that its redis-server and Kafka broker
 * go too, and their work directories with them: the watchdog reacts to the closed pipe, not to a shutdown hook
 * (none runs on SIGKILL).
 */
class NoOrphansTest {

    @Test
    void killingTheJvmWithSigkillLeavesNoRedisOrKafkaRunning() throws Exception {
        Path base = Files.createTempDirectory("coview-orphan-test");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process jvm = new ProcessBuilder(KafkaBroker.javaBinary(), "-cp", classpath, StackMain.class.getName(),
                base.toString())
                .redirectErrorStream(true)
                .start();
        Map<String, String> info = new HashMap<>();
        // Everything else it prints, so that a failure to start says why.
        List<String> other = new java.util.ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    info.put(line.substring(0, eq), line.substring(eq + 1));
                } else {
                    other.add(line);
                }
            }
            assertThat(line).as("the stack JVM reports READY; output so far: %s %s", info, other).isEqualTo("READY");

            long redisPid = Long.parseLong(info.get("redis.pid"));
            long kafkaPid = Long.parseLong(info.get("kafka.pid"));
            assertThat(alive(redisPid)).isTrue();
            assertThat(alive(kafkaPid)).isTrue();

            jvm.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs.
            assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();

            Awaitility.await("redis-server and the Kafka broker exit after their JVM is killed")
                    .atMost(Duration.ofSeconds(45))
                    .until(() -> !alive(redisPid) && !alive(kafkaPid));
            // A loaded machine can take a while to finish the shutdown the janitor waits for.
            try {
                Awaitility.await("the watchdogs remove the work directories")
                        .atMost(Duration.ofSeconds(90))
                        .until(() -> List.of(base.resolve("redis"), base.resolve("kafka")).stream()
                                .noneMatch(Files::exists));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("work directories left behind: " + leftovers(base), e);
            }
        } finally {
            jvm.destroyForcibly();
            LocalStack.deleteTree(base);
        }
    }

    private static List<String> leftovers(Path base) {
        try (var files = Files.walk(base)) {
            return files.limit(50).map(base::relativize).map(Path::toString).toList();
        } catch (java.io.IOException e) {
            return List.of("(cannot list: " + e.getMessage() + ")");
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
