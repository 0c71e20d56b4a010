package dev.coview.bench.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartTableTest {

    @Test
    void readsQuarkusStartedInFromTheServiceLog(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("room-service-1.log"), "__  ____\n09:34:38.479 INFO  [io.quarkus] "
                + "(main) {} room-service 0.1.0-SNAPSHOT on JVM (powered by Quarkus 3.33.2) started in 1.379s. "
                + "Listening on: http://0.0.0.0:45675\n");
        assertThat(ServiceStart.startedIn(log)).isEqualTo(1.379);
        assertThat(ServiceStart.startedIn(Files.writeString(dir.resolve("empty.log"), "WARN nothing\n"))).isNull();
        assertThat(ServiceStart.startedIn(dir.resolve("missing.log"))).isNull();
    }

    @Test
    void eachStartIsARowWithTheLargestRssUnderLoad() {
        ScenarioResult a = new ScenarioResult("signaling-2000").processes(Map.of(
                "signaling-service-1", Map.of("cpu_pct", 40.0, "rss_max_mb", 201.5)));
        ScenarioResult b = new ScenarioResult("signaling-6000").processes(Map.of(
                "signaling-service-1", Map.of("cpu_pct", 50.0, "rss_max_mb", 213.2)));
        List<ServiceStart> starts = List.of(
                new ServiceStart("signaling-service-1", "signaling-service", 1, 1.42, 1.293, 160.4, "7.18 9.22 8.47"),
                new ServiceStart("room-service-together-1", "room-service", 3, 3.81, null, 161.1, "7.59 3.82 1.54"));
        String md = StartTable.markdown(starts, List.of(a, b));
        assertThat(md).contains("| signaling-service-1 | alone | 7.18 9.22 8.47 | 1.42 | 1.293 | 160.4 | 213.2 |")
                .contains("| room-service-together-1 | 3 at once | 7.59 3.82 1.54 | 3.81 |  | 161.1 |  |");
        assertThat(StartTable.markdown(List.of(), List.of(a))).isEmpty();
    }
}
