package dev.coview.bench;

import dev.coview.bench.core.Report;
import dev.coview.bench.core.ScenarioResult;
import dev.coview.bench.floors.KafkaFloor;
import dev.coview.bench.floors.RedisFloor;
import dev.coview.local.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./coview bench}: starts its own local stack (or uses {@code --redis}/{@code --kafka}), runs the
 * scenarios, writes {@code bench/results/<scenario>.json} and {@code bench/results/RESULTS.md}.
 *
 * <p>Options: {@code --only floors,…} (default: all), {@code --seconds N} measured seconds per scenario
 * (default 20, after 5 s of warm-up), {@code --out DIR}, {@code --redis URL}, {@code --kafka HOST:PORT}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        Path root = Path.of(opts.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Path out = Path.of(opts.getOrDefault("out", root.resolve("bench/results").toString()));
        Set<String> only = Set.of(opts.getOrDefault("only", "floors").split(","));
        Duration warmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("warmup", "5")));
        Duration measure = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("seconds", "20")));

        Path base = Files.createTempDirectory("coview-bench-");
        List<ScenarioResult> results = new ArrayList<>();
        try (LocalStack stack = LocalStack.start(base, opts.get("redis"), opts.get("kafka"))) {
            System.out.println("stack: Redis " + stack.redisUrl() + ", Kafka " + stack.bootstrapServers());
            if (only.contains("floors")) {
                results.add(print(RedisFloor.run(stack.redisUrl(), 10_000, warmup, measure)));
                results.add(print(KafkaFloor.run(stack.bootstrapServers(), 5_000, warmup, measure, 5)));
            }
        } finally {
            LocalStack.deleteTree(base);
        }
        new Report(out).write(results);
        System.out.println("wrote " + out.resolve("RESULTS.md"));
    }

    private static ScenarioResult print(ScenarioResult r) {
        System.out.println(r.scenario() + ": " + r.latency() + " " + r.figures());
        return r;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }
}
