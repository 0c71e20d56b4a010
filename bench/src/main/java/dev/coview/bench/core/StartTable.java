package dev.coview.bench.core;

import java.util.List;
import java.util.Map;

/** The report's table of service starts: one row per instance the bench started, with its footprint. */
final class StartTable {

    private StartTable() {
    }

    static String markdown(List<ServiceStart> starts, List<ScenarioResult> results) {
        if (starts.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\nService starts (spawn → `/q/health/ready` = 200; Quarkus's own"
                + " \"started in\"), RSS once ready and the largest RSS sampled under load:\n\n");
        md.append("| instance | started with | load avg | spawn→ready s | Quarkus started in s | RSS ready MB |"
                + " max RSS under load MB |\n|---|---:|---|---:|---:|---:|---:|\n");
        for (ServiceStart s : starts) {
            double underLoad = maxRss(s.instance(), results);
            md.append("| ").append(s.instance()).append(" | ")
                    .append(s.together() == 1 ? "alone" : s.together() + " at once").append(" | ")
                    .append(s.loadAverage()).append(" | ").append(s.readySeconds()).append(" | ")
                    .append(s.startedInSeconds() == null ? "" : s.startedInSeconds()).append(" | ")
                    .append(s.rssReadyMb()).append(" | ").append(underLoad < 0 ? "" : underLoad).append(" |\n");
        }
        return md.toString();
    }

    /** The largest RSS any scenario sampled for {@code instance}, or -1 when none ran against it. */
    static double maxRss(String instance, List<ScenarioResult> results) {
        double max = -1;
        for (ScenarioResult r : results) {
            Map<String, Object> p = r.processes().get(instance);
            if (p != null && p.get("rss_max_mb") instanceof Number n) {
                max = Math.max(max, n.doubleValue());
            }
        }
        return max;
    }
}
