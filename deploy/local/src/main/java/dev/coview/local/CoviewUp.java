package dev.coview.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./coview up}: starts Redis and Kafka (unless given), the three services from their packaged jars, waits
 * until each reports ready, prints the URLs a person opens, then follows the logs. Ctrl-C stops the services, then
 * Kafka and Redis, and leaves nothing running.
 *
 * <p>Options (flags win over environment variables):
 * <ul>
 *   <li>{@code --root DIR} the checkout (default: working directory)</li>
 *   <li>{@code --redis URL} / {@code COVIEW_REDIS_URL}: use this Redis ({@code redis://host:port})</li>
 *   <li>{@code --kafka HOST:PORT} / {@code COVIEW_KAFKA_BOOTSTRAP}: use this Kafka</li>
 *   <li>{@code COVIEW_ROOM_PORT} (8080), {@code COVIEW_SIGNALING_PORT} (8081), {@code COVIEW_ANNOTATION_PORT}
 *       (8082)</li>
 * </ul>
 */
public final class CoviewUp {

    /** A service of the run: its folder, the port it listens on, and its colour in the log. */
    record Service(String name, String module, int port, String colour) {
        Path jar(Path root) {
            return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    private static final String RESET = "\u001b[0m";

    private CoviewUp() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        Path root = Path.of(opts.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Path state = root.resolve(".coview");
        Path logs = Files.createDirectories(state.resolve("logs"));
        PrintStream out = System.out;
        List<Service> services = List.of(
                new Service("room-service", "room-service", port("COVIEW_ROOM_PORT", 8080), "\u001b[36m"),
                new Service("signaling-service", "signaling-service", port("COVIEW_SIGNALING_PORT", 8081),
                        "\u001b[35m"),
                new Service("annotation-service", "annotation-service", port("COVIEW_ANNOTATION_PORT", 8082),
                        "\u001b[33m"));
        for (Service s : services) {
            if (!Files.exists(s.jar(root))) {
                throw new IllegalStateException(s.jar(root) + " is missing: run ./coview build (./coview up does)");
            }
        }

        long t0 = System.nanoTime();
        String redisUrl = opts.getOrDefault("redis", System.getenv("COVIEW_REDIS_URL"));
        String kafka = opts.getOrDefault("kafka", System.getenv("COVIEW_KAFKA_BOOTSTRAP"));
        step(out, "starting " + (redisUrl == null ? "redis-server" : "nothing for Redis (given " + redisUrl + ")")
                + " and " + (kafka == null ? "a Kafka broker (KRaft)" : "nothing for Kafka (given " + kafka + ")"));
        Path stackDir = Files.createDirectories(state.resolve("stack-" + ProcessHandle.current().pid()));
        LocalStack stack = LocalStack.start(stackDir, redisUrl, kafka);
        JwtDevKeys keys = JwtDevKeys.inDirectory(state.resolve("keys"));
        ok(out, "Redis " + stack.redisUrl() + ", Kafka " + stack.bootstrapServers(), t0);
        // ./coview events (and a person) find the running stack here; removed on stop.
        Path upEnv = state.resolve("up.env");
        Files.writeString(upEnv, "COVIEW_REDIS_URL=" + stack.redisUrl() + "\nCOVIEW_KAFKA_BOOTSTRAP="
                + stack.bootstrapServers() + "\n");

        List<ServiceInstance> running = new ArrayList<>();
        LogFollower follower = new LogFollower(out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println();
            step(out, "stopping");
            follower.close();
            // Services first, so they do not log a storm of connection errors while Kafka and Redis go.
            running.parallelStream().forEach(ServiceInstance::close);
            stack.close();
            LocalStack.deleteTree(stackDir);
            try {
                Files.deleteIfExists(upEnv);
            } catch (java.io.IOException ignored) {
                // Only a hint for ./coview events; a stale one names a stack that no longer answers.
            }
            out.println("stopped: nothing of this run is left running");
            stopped.countDown();
        }, "coview-up-stop"));

        Map<String, String> common = new LinkedHashMap<>(keys.quarkusProperties());
        common.put("quarkus.redis.hosts", stack.redisUrl());
        common.put("kafka.bootstrap.servers", stack.bootstrapServers());
        String host = "localhost";
        Service room = services.get(0);
        common.put("coview.urls.public", "http://" + host + ":" + room.port());
        common.put("coview.urls.signaling", "ws://" + host + ":" + services.get(1).port() + "/ws/signal");
        common.put("coview.urls.annotation", "ws://" + host + ":" + services.get(2).port() + "/ws/annotations");

        for (Service s : services) {
            step(out, "starting " + s.name() + " on port " + s.port());
            Map<String, String> config = new LinkedHashMap<>(common);
            config.put("quarkus.http.host", "0.0.0.0");
            Path log = logs.resolve(s.name() + ".log");
            ServiceInstance instance = ServiceInstance.start(s.name(), s.jar(root), s.port(), config, log);
            running.add(instance);
            follower.follow(s.colour() + String.format("%-19s|", s.name()) + RESET + " ", log);
        }
        for (ServiceInstance instance : running) {
            instance.awaitReady(Duration.ofSeconds(90));
            ok(out, instance.name() + " ready at http://" + host + ":" + instance.port() + "/q/health/ready", t0);
        }

        out.println();
        out.println("  CoView is up (" + (System.nanoTime() - t0) / 1_000_000 + " ms).");
        out.println("  Agent console:   http://" + host + ":" + room.port() + "/agent/");
        out.println("  Customer join:   http://" + host + ":" + room.port() + "/join/");
        out.println("  Logs:            " + logs + "  (Ctrl-C stops everything)");
        out.println();
        stopped.await();
    }

    private static int port(String env, int dflt) {
        String v = System.getenv(env);
        return v == null || v.isBlank() ? dflt : Integer.parseInt(v.trim());
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: coview up [--redis redis://host:port] [--kafka host:port]");
            }
            opts.put(a.substring(2), args[++i]);
        }
        return opts;
    }

    private static void step(PrintStream out, String what) {
        out.println("\u001b[1m==>\u001b[0m " + what);
    }

    private static void ok(PrintStream out, String what, long t0) {
        out.printf("\u001b[32m ✔\u001b[0m %s  (+%.1f s)%n", what, (System.nanoTime() - t0) / 1e9);
    }
}
