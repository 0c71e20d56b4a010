package dev.coview.bench;

import dev.coview.bench.core.CpuPinning;
import dev.coview.bench.core.Report;
import dev.coview.bench.core.ScenarioResult;
import dev.coview.bench.core.ServiceStart;
import dev.coview.bench.floors.KafkaFloor;
import dev.coview.bench.floors.RedisFloor;
import dev.coview.bench.core.Services;
import dev.coview.bench.scenarios.AnnotationScenario;
import dev.coview.bench.scenarios.RestScenario;
import dev.coview.bench.scenarios.SignalingScenario;
import dev.coview.bench.scenarios.StartupScenario;
import dev.coview.local.servers.JwtDevKeys;
import dev.coview.local.servers.LocalStack;
import dev.coview.local.servers.ServiceInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code ./coview bench}: starts its own local stack (or uses {@code --redis}/{@code --kafka}), runs the
 * scenarios, writes {@code bench/results/<scenario>.json} and {@code bench/results/RESULTS.md}.
 *
 * <p>Options: {@code --only floors,signaling,annotation,rest,startup} (default: all; startup = each service
 * started alone then the three at once, {@code --start-runs} times, default 3), {@code --seconds N} measured
 * seconds per scenario or level (default 20, after {@code --warmup} 5 s), {@code --rooms R} (signaling rooms,
 * default 200), {@code --levels a,b,…} (signaling deliveries per second to ramp through),
 * {@code --annotation-rooms a,b,…} (room counts in turn, default 100,250,500, each room a 60 Hz pointer and a
 * stroke a second), {@code --rest-rate N} (room create + join per second, default 200), {@code --out DIR},
 * {@code --redis URL}, {@code --kafka HOST:PORT}.
 *
 * <p>{@code --pin SERVER:CLIENT} (e.g. {@code 0:1}, taskset CPU lists; with {@code --only signaling}): the pinned
 * mode of bench/results/TUNING-tail.md. The bench (the load generator) runs on CLIENT; Redis, Kafka (idle) and ONE
 * signaling instance, which then holds both peers of every room, run on SERVER. The JVMs started by the bench inherit
 * its one-core affinity at start, so they size themselves (event loops, compiler threads) for one core, as in a
 * container limited to one CPU. {@code --smooth-sender true} (with {@code --pin}): one client event loop and a
 * real-time sending thread, so that messages leave one by one on schedule instead of in the small bursts a sending
 * thread that waits for the CPU makes (TUNING-tail.md: the server's CPU per message doubles).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            // The whole benchmark takes many minutes: asking how to run it must not start it.
            System.out.println(usage());
            return;
        }
        Map<String, String> opts;
        try {
            opts = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path root = Path.of(opts.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Path out = Path.of(opts.getOrDefault("out", root.resolve("bench/results").toString()));
        Set<String> only = Set.of(opts.getOrDefault("only", "floors,signaling,annotation,rest,startup").split(","));
        int rooms = Integer.parseInt(opts.getOrDefault("rooms", "200"));
        List<Integer> levels = java.util.Arrays.stream(opts.getOrDefault("levels", "2000,6000,12000,24000,36000")
                .split(",")).map(Integer::parseInt).toList();
        Duration warmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("warmup", "5")));
        Duration measure = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("seconds", "20")));

        String[] pin = opts.containsKey("pin") ? opts.get("pin").split(":") : null;
        if (pin != null) {
            if (pin.length != 2 || !only.equals(Set.of("signaling"))) {
                throw new IllegalArgumentException("--pin SERVER:CLIENT (e.g. 0:1) runs with --only signaling");
            }
            // Before any thread of the bench starts: every thread and child process inherits the client's core.
            CpuPinning.pin(ProcessHandle.current().pid(), pin[1]);
        }

        Path base = Files.createTempDirectory("coview-bench-");
        List<ScenarioResult> results = new ArrayList<>();
        List<ServiceStart> starts = new ArrayList<>();
        try (LocalStack stack = LocalStack.start(base, opts.get("redis"), opts.get("kafka"))) {
            System.out.println("stack: Redis " + stack.redisUrl() + ", Kafka " + stack.bootstrapServers());
            if (only.contains("floors")) {
                results.add(print(RedisFloor.run(stack.redisUrl(), 10_000, warmup, measure)));
                results.add(print(KafkaFloor.run(stack.bootstrapServers(), 5_000, warmup, measure, 5)));
            }
            if (only.contains("signaling")) {
                JwtDevKeys keys = JwtDevKeys.inDirectory(base.resolve("keys"));
                try (Services services = new Services(root,
                        Files.createDirectories(root.resolve("bench/target/bench-logs")), stack, keys)) {
                    ServiceInstance one = services.start("signaling-service", Map.of());
                    ServiceInstance two = pin != null ? one : services.start("signaling-service", Map.of());
                    Map<String, Long> pids = new LinkedHashMap<>(services.pids());
                    if (stack.redis() != null) {
                        pids.put("redis", stack.redis().process().pid());
                    }
                    if (pin != null) {
                        if (stack.kafka() != null) {
                            pids.put("kafka", stack.kafka().process().pid());
                        }
                        pinServerSide(pids, pin[0]);
                    }
                    // The load generator's own CPU: a saturated client is not a server result.
                    pids.put("bench", ProcessHandle.current().pid());
                    results.addAll(SignalingScenario.run(keys, one, two, pids, rooms, levels, warmup, measure,
                            Boolean.parseBoolean(opts.getOrDefault("smooth-sender", "false"))));
                    starts.addAll(services.starts());
                }
            }
            if (only.contains("annotation")) {
                JwtDevKeys keys = JwtDevKeys.inDirectory(base.resolve("keys"));
                try (Services services = new Services(root, Files.createDirectories(root.resolve(
                        "bench/target/bench-logs")), stack, keys)) {
                    ServiceInstance one = services.start("annotation-service", AnnotationScenario.SERVICE_CONFIG);
                    ServiceInstance two = services.start("annotation-service", AnnotationScenario.SERVICE_CONFIG);
                    Map<String, Long> pids = new LinkedHashMap<>(services.pids());
                    if (stack.kafka() != null) {
                        pids.put("kafka", stack.kafka().process().pid());
                    }
                    // The load generator competes for the same cores: its share is part of the picture.
                    pids.put("bench", ProcessHandle.current().pid());
                    // Room counts in turn on the same two instances: where the pointer path stops keeping up.
                    for (String r : opts.getOrDefault("annotation-rooms", "100,250,500").split(",")) {
                        results.add(print(AnnotationScenario.run(keys, one, two, pids, Integer.parseInt(r.trim()), 60,
                                warmup, measure)));
                    }
                    starts.addAll(services.starts());
                }
            }
            if (only.contains("rest")) {
                JwtDevKeys keys = JwtDevKeys.inDirectory(base.resolve("keys"));
                try (Services services = new Services(root,
                        Files.createDirectories(root.resolve("bench/target/bench-logs")), stack, keys)) {
                    ServiceInstance room = services.start("room-service", Map.of(
                            "coview.room.agent-api-key", RestScenario.AGENT_KEY,
                            // Every bench "client" has its own X-Forwarded-For address.
                            "quarkus.http.proxy.proxy-address-forwarding", "true",
                            "quarkus.http.proxy.allow-x-forwarded", "true"));
                    Map<String, Long> pids = new LinkedHashMap<>(services.pids());
                    if (stack.redis() != null) {
                        pids.put("redis", stack.redis().process().pid());
                    }
                    // Every room publishes its session events.
                    if (stack.kafka() != null) {
                        pids.put("kafka", stack.kafka().process().pid());
                    }
                    // The load generator's own share of the two cores, next to the service's.
                    pids.put("bench", ProcessHandle.current().pid());
                    results.add(print(RestScenario.run(room, pids, Integer.parseInt(opts.getOrDefault("rest-rate",
                            "200")), warmup, measure)));
                    starts.addAll(services.starts());
                }
            }
            if (only.contains("startup")) {
                results.add(print(StartupScenario.run(root, Files.createDirectories(root.resolve(
                        "bench/target/bench-logs")), stack, JwtDevKeys.inDirectory(base.resolve("keys")),
                        Integer.parseInt(opts.getOrDefault("start-runs", "3")), starts)));
            }
        } finally {
            LocalStack.deleteTree(base);
        }
        new Report(out).write(results, starts);
        System.out.println("wrote " + out.resolve("RESULTS.md"));
    }

    /** Pins each process to {@code cpus}, again while a thread started meanwhile escaped (3 tries). */
    private static void pinServerSide(Map<String, Long> pids, String cpus) throws java.io.IOException {
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            long strays = -1;
            for (int attempt = 0; attempt < 3 && strays != 0; attempt++) {
                CpuPinning.pin(e.getValue(), cpus);
                strays = CpuPinning.strays(e.getValue(), cpus);
            }
            System.out.println("pinned " + e.getKey() + " (" + e.getValue() + ") to CPU " + cpus
                    + (strays == 0 ? "" : ", threads elsewhere: " + strays));
        }
    }

    private static ScenarioResult print(ScenarioResult r) {
        System.out.println(r.scenario() + ": " + r.latency() + " " + r.figures());
        return r;
    }

    /** The options {@link #main} reads; anything else is a typo that would silently run the defaults. */
    private static final Set<String> OPTIONS = Set.of("annotation-rooms", "kafka", "levels", "only", "out", "pin",
            "redis", "rest-rate", "rooms", "root", "seconds", "smooth-sender", "start-runs", "warmup");

    static String usage() {
        return "usage: ./coview bench [--option value]...; options: " + new TreeSet<>(OPTIONS)
                + "; what each does: the Javadoc of bench/src/main/java/dev/coview/bench/BenchMain.java";
    }

    /** {@code --option value} pairs; refuses an unknown option or one without a value. */
    static Map<String, String> parse(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("every option takes a value: --option value (got " + args.length
                    + " words)");
        }
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || !OPTIONS.contains(args[i].substring(2))) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: "
                        + new TreeSet<>(OPTIONS));
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }
}
