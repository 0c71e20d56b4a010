package dev.coview.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @Test
    void stoppingAServerWhoseWatchdogIsGoneStillStopsTheServer(@TempDir Path dir) throws Exception {
        ChildProcess child = ChildProcess.start("sleeper", List.of("sleep", "300"), null, dir.resolve("sleeper.log"),
                Map.of());
        ProcessHandle server = ProcessHandle.of(child.pid()).orElseThrow();
        // The watchdog dies without stopping its server (SIGKILL runs nothing): the server is left running.
        child.watchdog().destroyForcibly();
        assertThat(child.watchdog().waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(server.isAlive()).as("the server outlives its watchdog").isTrue();

        child.stop(Duration.ofSeconds(5));

        assertThat(server.isAlive()).as("the server, once stop returned").isFalse();
    }

    @Test
    void aNormalStopEndsTheServerThroughItsWatchdog(@TempDir Path dir) throws Exception {
        ChildProcess child = ChildProcess.start("sleeper", List.of("sleep", "300"), null, dir.resolve("sleeper.log"),
                Map.of());
        ProcessHandle server = ProcessHandle.of(child.pid()).orElseThrow();

        child.stop(Duration.ofSeconds(5));

        assertThat(child.watchdog().isAlive()).isFalse();
        assertThat(server.isAlive()).isFalse();
    }
}
