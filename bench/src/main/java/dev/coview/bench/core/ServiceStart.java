package dev.coview.bench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one service instance started: the time from spawning its JVM to {@code /q/health/ready} answering 200, the
 * time Quarkus itself reports ("started in 1.234s", which leaves out the JVM's own start and the first readiness
 * check), its resident memory once ready, and how busy the machine was (load average, how many instances were
 * started at the same time).
 *
 * @param together instances started at the same time as this one (1 = alone)
 */
public record ServiceStart(String instance, String module, int together, double readySeconds, Double startedInSeconds,
                           double rssReadyMb, String loadAverage) {

    private static final Pattern STARTED_IN = Pattern.compile("started in (\\d+(?:\\.\\d+)?)s");

    /** Quarkus's "started in X s" from a service log, or {@code null} when the line is not (yet) there. */
    public static Double startedIn(Path log) {
        try {
            Matcher m = STARTED_IN.matcher(Files.readString(log));
            return m.find() ? Double.valueOf(m.group(1)) : null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** The first three fields of {@code /proc/loadavg} ("1.02 0.80 0.45"), or "" off Linux. */
    public static String currentLoadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException notLinux) {
            return "";
        }
    }

    /** Resident memory of a process in MB (VmRSS), or -1 when it cannot be read. */
    public static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 102.4) / 10.0;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // Ended, or not Linux.
        }
        return -1;
    }

    /** The JSON form, as written to {@code bench/results/startup.json} and each scenario's JSON. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance", instance);
        m.put("module", module);
        m.put("started_together", together);
        m.put("spawn_to_ready_s", readySeconds);
        m.put("quarkus_started_in_s", startedInSeconds);
        m.put("rss_ready_mb", rssReadyMb);
        m.put("load_average", loadAverage);
        return m;
    }
}
