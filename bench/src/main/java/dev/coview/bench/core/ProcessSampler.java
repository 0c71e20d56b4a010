package dev.coview.bench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples CPU time and resident memory of named processes from {@code /proc} every 500 ms, on a daemon thread.
 * CPU is reported as the average share of one core over the sampled window (100 % = one core busy).
 */
public final class ProcessSampler implements AutoCloseable {

    private record Stats(long firstTicks, long firstNanos, long lastTicks, long lastNanos, long maxRssKb) {
    }

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
    private final Map<String, Long> pids;
    private final Map<String, Stats> stats = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public ProcessSampler(Map<String, Long> pids) {
        this.pids = Map.copyOf(pids);
        this.thread = new Thread(this::loop, "bench-proc-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (running) {
            long now = System.nanoTime();
            pids.forEach((name, pid) -> sample(name, pid, now));
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample(String name, long pid, long now) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // Fields after the ")" of the command name: state is field 3, utime 14, stime 15.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            long rssKb = rss;
            stats.merge(name, new Stats(ticks, now, ticks, now, rssKb), (old, cur) ->
                    new Stats(old.firstTicks(), old.firstNanos(), cur.lastTicks(), cur.lastNanos(),
                            Math.max(old.maxRssKb(), cur.maxRssKb())));
        } catch (IOException | RuntimeException gone) {
            // The process ended or /proc is absent (not Linux): nothing to sample.
        }
    }

    /**
     * CPU time the processes whose name starts with {@code prefix} have used so far, in milliseconds. Divided by the
     * messages handled between two readings it gives the CPU cost per message, which a busy machine (other
     * processes competing for the cores) distorts far less than latency or CPU share.
     */
    public long cpuMillis(String prefix) {
        long ticks = 0;
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(e.getValue()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException gone) {
                // Ended or not Linux: counts nothing.
            }
        }
        return Math.round(ticks * 1000 / TICKS_PER_SECOND);
    }

    /** Forgets what was sampled (after warm-up). */
    public void reset() {
        stats.clear();
    }

    /** Per process: {@code cpu_pct} (of one core) and {@code rss_max_mb}. */
    public Map<String, Map<String, Object>> summary() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String name : List.copyOf(pids.keySet()).stream().sorted().toList()) {
            Stats s = stats.get(name);
            if (s == null) {
                continue;
            }
            double seconds = (s.lastNanos() - s.firstNanos()) / 1e9;
            double cpu = seconds <= 0 ? 0 : (s.lastTicks() - s.firstTicks()) / TICKS_PER_SECOND / seconds * 100;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cpu_pct", Math.round(cpu * 10) / 10.0);
            m.put("rss_max_mb", Math.round(s.maxRssKb() / 102.4) / 10.0);
            out.put(name, m);
        }
        return out;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
