package dev.coview.bench.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes each scenario's JSON and one Markdown table of all of them ({@code bench/results/RESULTS.md}), headed by
 * the machine it ran on.
 */
public final class Report {

    private final Path dir;
    /** Where the browser bench's section of {@code RESULTS.md} starts (media.mjs looks for the same line). */
    static final String MEDIA_MARKER = "<!-- media path: bench/browser/media.mjs writes from here to the end -->";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Report(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes each scenario's JSON, {@code startup.json} (every service instance started: {@link ServiceStart}) and
     * {@code RESULTS.md}.
     */
    public void write(List<ScenarioResult> results, List<ServiceStart> starts) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> machine = machine();
        for (ScenarioResult r : results) {
            Map<String, Object> doc = new LinkedHashMap<>(r.toJson());
            doc.put("machine", machine);
            json.writeValue(dir.resolve(r.scenario() + ".json").toFile(), doc);
        }
        if (!starts.isEmpty()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("starts", starts.stream().map(ServiceStart::toJson).toList());
            doc.put("machine", machine);
            json.writeValue(dir.resolve("startup.json").toFile(), doc);
        }
        Files.writeString(dir.resolve("RESULTS.md"), markdown(results, machine) + StartTable.markdown(starts, results)
                + mediaSection());
    }

    /**
     * The media path's figures (the browser bench, {@code bench/browser/media.mjs}, writes {@code MEDIA-browser.md}
     * and this same section), kept at the end of {@code RESULTS.md} so that one file holds every figure; empty until
     * the browser bench has run.
     */
    String mediaSection() throws IOException {
        Path media = dir.resolve("MEDIA-browser.md");
        if (!Files.exists(media)) {
            return "";
        }
        return "\n" + MEDIA_MARKER + "\n" + Files.readString(media).replaceFirst("^# ", "## ");
    }

    /** The Markdown table: one row per scenario path. */
    public static String markdown(List<ScenarioResult> results, Map<String, Object> machine) {
        StringBuilder md = new StringBuilder("# CoView benchmark results\n\n");
        md.append("Machine: ").append(machine.get("cores")).append(" cores, ").append(machine.get("memory_gb"))
                .append(" GB, ").append(machine.get("cpu")).append("; Java ").append(machine.get("java"))
                .append("; run ").append(machine.get("time")).append(".\n\n");
        md.append("| scenario | path | count | p50 ms | p99 ms | p99.9 ms | max ms | figures |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---|\n");
        for (ScenarioResult r : results) {
            String figures = r.figures().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .reduce((a, b) -> a + ", " + b).orElse("");
            if (r.latency().isEmpty()) {
                md.append("| ").append(r.scenario()).append(" | | | | | | | ").append(figures).append(" |\n");
            }
            for (var e : r.latency().entrySet()) {
                Map<String, Object> s = e.getValue();
                md.append("| ").append(r.scenario()).append(" | ").append(e.getKey()).append(" | ")
                        .append(s.get("count")).append(" | ").append(s.get("p50_ms")).append(" | ")
                        .append(s.get("p99_ms")).append(" | ").append(s.get("p999_ms")).append(" | ")
                        .append(s.get("max_ms")).append(" | ").append(figures).append(" |\n");
                figures = "";
            }
        }
        md.append("\nCPU (% of one core) and max RSS of each process during the measured window:\n\n");
        md.append("| scenario | process | cpu % | rss MB |\n|---|---|---:|---:|\n");
        for (ScenarioResult r : results) {
            r.processes().forEach((name, p) -> md.append("| ").append(r.scenario()).append(" | ").append(name)
                    .append(" | ").append(p.get("cpu_pct")).append(" | ").append(p.get("rss_max_mb"))
                    .append(" |\n"));
        }
        return md.toString();
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memory_gb", memoryGb());
        m.put("cpu", cpuModel());
        m.put("java", System.getProperty("java.version"));
        m.put("time", Instant.now().toString());
        return m;
    }

    private static long memoryGb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // Not Linux.
        }
        return -1;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // Not Linux.
        }
        return System.getProperty("os.arch");
    }
}
