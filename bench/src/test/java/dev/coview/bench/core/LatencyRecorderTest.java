package dev.coview.bench.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic of the bench: latency from intended time, percentiles, payload stamps, the Markdown table. */
class LatencyRecorderTest {

    @Test
    void latencyIsMeasuredFromTheIntendedSendTime() {
        LatencyRecorder r = new LatencyRecorder("path");
        // A sender that stalled 50 ms: every message it then sends late carries its original intended time.
        for (int i = 0; i < 99; i++) {
            r.record(0, 1_000_000); // 1 ms
        }
        r.record(0, 50_000_000); // 50 ms
        Map<String, Object> s = r.summary();
        assertThat(s.get("count")).isEqualTo(100L);
        assertThat((double) s.get("p50_ms")).isBetween(0.99, 1.01);
        assertThat((double) s.get("max_ms")).isBetween(49.9, 50.1);
    }

    @Test
    void resetDiscardsTheWarmUp() {
        LatencyRecorder r = new LatencyRecorder("path");
        r.record(0, 900_000_000);
        r.reset();
        r.record(0, 2_000_000);
        assertThat(r.summary()).containsEntry("count", 1L);
        assertThat((double) r.summary().get("max_ms")).isLessThan(3);
    }

    @Test
    void payloadsCarryTheirIntendedTimeAndHaveTheRequestedSize() {
        String p = Payloads.stamped(123456789L, 200);
        assertThat(p).hasSize(200);
        assertThat(Payloads.intendedOf(p)).isEqualTo(123456789L);
    }

    @Test
    void theMarkdownTableHasARowPerPathWithItsFigures() {
        LatencyRecorder r = new LatencyRecorder("publish→subscriber");
        r.record(0, 1_000_000);
        ScenarioResult result = new ScenarioResult("floor-redis").latency(r).figure("lost", 0)
                .processes(Map.of("redis", Map.of("cpu_pct", 12.5, "rss_max_mb", 9.8)));
        String md = Report.markdown(List.of(result), Map.of("cores", 2, "memory_gb", 24, "cpu", "x",
                "java", "17", "time", "now"));
        assertThat(md).contains("| floor-redis | publish→subscriber | 1 | 1.0 |")
                .contains("lost=0")
                .contains("| floor-redis | redis | 12.5 | 9.8 |");
    }
}
