package dev.coview.bench.core;

import dev.coview.local.servers.ServiceJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM options and environment of the services the bench starts: those of production ({@link ServiceJvm}),
 * changed by system properties so that settings can be compared without rebuilding:
 * <ul>
 *   <li>{@code coview.bench.jvm}: options appended (space-separated, {@code {name}} replaced by the instance name),
 *       e.g. {@code -XX:StartFlightRecording=filename=/tmp/{name}.jfr};</li>
 *   <li>{@code coview.bench.jvm-base}: options that replace production's, e.g. {@code -Xms64m -Xmx256m} (the
 *       settings before TUNING-footprint.md);</li>
 *   <li>{@code coview.bench.env}: {@code NAME=value,...} replacing production's environment ({@code none}: no
 *       variables).</li>
 * </ul>
 */
final class BenchJvm {

    private BenchJvm() {
    }

    static List<String> options(Path jar, String name) {
        String base = System.getProperty("coview.bench.jvm-base", "").trim();
        List<String> options = new ArrayList<>(base.isEmpty() ? ServiceJvm.options(jar, name) : split(base, name));
        options.addAll(split(System.getProperty("coview.bench.jvm", ""), name));
        return options;
    }

    static Map<String, String> environment() {
        String env = System.getProperty("coview.bench.env", "").trim();
        if (env.isEmpty()) {
            return ServiceJvm.ENVIRONMENT;
        }
        Map<String, String> m = new LinkedHashMap<>();
        if (!env.equals("none")) {
            for (String kv : env.split(",")) {
                m.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        return m;
    }

    private static List<String> split(String options, String name) {
        List<String> out = new ArrayList<>();
        for (String o : options.trim().split("\\s+")) {
            if (!o.isEmpty()) {
                out.add(o.replace("{name}", name));
            }
        }
        return out;
    }
}
