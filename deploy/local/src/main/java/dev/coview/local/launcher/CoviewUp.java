package dev.coview.local.launcher;

import dev.coview.local.servers.JwtDevKeys;
import dev.coview.local.servers.LocalStack;
import dev.coview.local.servers.ServiceInstance;
import dev.coview.local.turn.TurnServer;
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
 *   <li>{@code --state DIR} keys, logs and {@code up.env} (default: {@code <root>/.coview})</li>
 *   <li>{@code --watch-stdin true}: stop everything when standard input closes (for programs that start it)</li>
 *   <li>{@code --redis URL} / {@code COVIEW_REDIS_URL}: use this Redis ({@code redis://host:port})</li>
 *   <li>{@code --kafka HOST:PORT} / {@code COVIEW_KAFKA_BOOTSTRAP}: use this Kafka</li>
 *   <li>{@code --turn} / {@code COVIEW_TURN=true}: also start coturn (Debian's {@code coturn} package) and give
 *       room-service its URLs and secret, so browsers get TURN credentials that work</li>
 *   <li>{@code --turn-addresses A,B} / {@code COVIEW_TURN_ADDRESSES}: where coturn listens (default 127.0.0.1;
 *       the relay test adds the gateway addresses of its own network namespaces)</li>
 *   <li>{@code COVIEW_ROOM_PORT} (8080), {@code COVIEW_SIGNALING_PORT} (8081), {@code COVIEW_ANNOTATION_PORT}
 *       (8082), {@code COVIEW_ISSUER_PORT} (8088, the local OpenID Connect issuer agents sign in with)</li>
 *   <li>{@code COVIEW_ROOM_AUTH_OIDC_ISSUER}: sign agents in with this identity provider instead of the local
 *       issuer; {@code COVIEW_ISSUER_PASSWORD}: the local user's password (generated and printed when unset)</li>
 *   <li>{@code COVIEW_ROOM_MANAGEMENT_PORT} (9080), {@code COVIEW_SIGNALING_MANAGEMENT_PORT} (9081),
 *       {@code COVIEW_ANNOTATION_MANAGEMENT_PORT} (9082): health and metrics, on 127.0.0.1 only</li>
 *   <li>{@code COVIEW_WEBHOOK_PORT} (8083) and {@code COVIEW_WEBHOOK_MANAGEMENT_PORT} (9083): webhook-service,
 *       started only when a {@code COVIEW_WEBHOOKS_ENDPOINTS_*} variable is set</li>
 * </ul>
 */
public final class CoviewUp {

    /**
     * A service of the run: its folder, the port it listens on, its management port (health, metrics) and its
     * colour in the log.
     */
    record Service(String name, String module, int port, int managementPort, String colour) {
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
        // Local state (keys, logs, up.env); the end-to-end tests point it into their target/ directory.
        Path state = Path.of(opts.getOrDefault("state", root.resolve(".coview").toString())).toAbsolutePath();
        Path logs = Files.createDirectories(state.resolve("logs"));
        PrintStream out = System.out;
        List<Service> services = new ArrayList<>(List.of(
                new Service("room-service", "room-service", port("COVIEW_ROOM_PORT", 8080),
                        port("COVIEW_ROOM_MANAGEMENT_PORT", 9080), "\u001b[36m"),
                new Service("signaling-service", "signaling-service", port("COVIEW_SIGNALING_PORT", 8081),
                        port("COVIEW_SIGNALING_MANAGEMENT_PORT", 9081), "\u001b[35m"),
                new Service("annotation-service", "annotation-service", port("COVIEW_ANNOTATION_PORT", 8082),
                        port("COVIEW_ANNOTATION_MANAGEMENT_PORT", 9082), "\u001b[33m")));
        // webhook-service only when an endpoint is configured (COVIEW_WEBHOOKS_ENDPOINTS_<NAME>_URL, …): without
        // one it has nothing to do, and a fourth JVM costs every local run and every end-to-end test.
        if (System.getenv().keySet().stream().anyMatch(k -> k.startsWith("COVIEW_WEBHOOKS_ENDPOINTS_"))) {
            services.add(new Service("webhook-service", "webhook-service", port("COVIEW_WEBHOOK_PORT", 8083),
                    port("COVIEW_WEBHOOK_MANAGEMENT_PORT", 9083), "\u001b[32m"));
        }
        for (Service s : services) {
            if (!Files.exists(s.jar(root))) {
                throw new IllegalStateException(s.jar(root) + " is missing: run ./coview build (./coview up does)");
            }
        }

        if (Boolean.parseBoolean(opts.getOrDefault("watch-stdin", "false"))) {
            // Started by a program (the end-to-end tests): when it goes away, even killed, its pipe closes and we
            // stop everything, as the watchdogs do for our own children.
            Thread watcher = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // Input is ignored; only its end matters.
                    }
                } catch (java.io.IOException ignored) {
                    // A broken pipe is an end too.
                }
                System.exit(0);
            }, "coview-up-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        long t0 = System.nanoTime();
        String redisUrl = opts.getOrDefault("redis", System.getenv("COVIEW_REDIS_URL"));
        String kafka = opts.getOrDefault("kafka", System.getenv("COVIEW_KAFKA_BOOTSTRAP"));
        step(out, "starting " + (redisUrl == null ? "redis-server" : "nothing for Redis (given " + redisUrl + ")")
                + " and " + (kafka == null ? "a Kafka broker (KRaft)" : "nothing for Kafka (given " + kafka + ")"));
        Path stackDir = Files.createDirectories(state.resolve("stack-" + ProcessHandle.current().pid()));
        LocalStack stack = LocalStack.start(stackDir, redisUrl, kafka);
        TurnServer turn = startTurn(opts, stackDir, out, t0);
        JwtDevKeys keys = JwtDevKeys.inDirectory(state.resolve("keys"));
        ok(out, "Redis " + stack.redisUrl() + ", Kafka " + stack.bootstrapServers(), t0);
        // ./coview events (and a person) find the running stack here; removed on stop.
        Path upEnv = state.resolve("up.env");
        Files.writeString(upEnv, "COVIEW_REDIS_URL=" + stack.redisUrl() + "\nCOVIEW_KAFKA_BOOTSTRAP="
                + stack.bootstrapServers() + "\n");

        LocalSignIn signIn = LocalSignIn.start(state, services.get(0).port());
        if (signIn.issuer() != null) {
            ok(out, "OpenID Connect issuer " + signIn.issuer().issuer(), t0);
        }

        List<ServiceInstance> running = new ArrayList<>();
        LogFollower follower = new LogFollower(out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println();
            step(out, "stopping");
            follower.close();
            // Services first, so they do not log a storm of connection errors while Kafka and Redis go.
            running.parallelStream().forEach(ServiceInstance::close);
            if (turn != null) {
                turn.close();
            }
            signIn.close();
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
        if (System.getenv("COVIEW_MEDIA_LINK_SECRET") == null) {
            // Signed download links: room-service checks what webhook-service signs, so both get one secret.
            byte[] secret = new byte[32];
            new java.security.SecureRandom().nextBytes(secret);
            String encoded = java.util.Base64.getEncoder().encodeToString(secret);
            common.put("coview.room.media.link-secret", encoded);
            common.put("coview.webhooks.media-link-secret", encoded);
        }
        common.put("coview.webhooks.media-base-url", "http://" + host + ":" + room.port());
        if (System.getenv("COVIEW_WS_ALLOWED_ORIGINS") == null) {
            // The pages come from room-service, wherever its port was moved (and from the Vite dev server).
            common.put("coview.ws.allowed-origins", "http://localhost:" + room.port() + ",http://127.0.0.1:"
                    + room.port() + ",http://localhost:5173");
        }

        if (turn != null) {
            // SmallRye reads COVIEW_ROOM_ICE_TURN_* too, but the values of this run win: they are its coturn's.
            common.put("coview.room.ice.turn-urls", String.join(",", turn.urls()));
            common.put("coview.room.ice.turn-secret", turn.secret());
        }
        for (Service s : services) {
            step(out, "starting " + s.name() + " on port " + s.port());
            Map<String, String> config = new LinkedHashMap<>(common);
            config.put("quarkus.http.host", "0.0.0.0");
            if (s == room && signIn.issuer() != null) {
                config.put("coview.room.auth.oidc.issuer", signIn.issuer().issuer());
            }
            // Health and metrics only on loopback: nothing outside this machine needs them.
            config.put("quarkus.management.port", String.valueOf(s.managementPort()));
            config.put("quarkus.management.host", "127.0.0.1");
            Path log = logs.resolve(s.name() + ".log");
            ServiceInstance instance = ServiceInstance.start(s.name(), s.jar(root), s.port(), config, log);
            running.add(instance);
            follower.follow(s.colour() + String.format("%-19s|", s.name()) + RESET + " ", log);
        }
        for (ServiceInstance instance : running) {
            // COVIEW_READY_TIMEOUT (seconds): more than 90 on a machine busy with other builds.
            instance.awaitReady(Duration.ofSeconds(port("COVIEW_READY_TIMEOUT", 90)));
            ok(out, instance.name() + " on port " + instance.port() + ", ready at " + instance.readinessUrl(), t0);
        }

        out.println();
        out.println("  CoView is up (" + (System.nanoTime() - t0) / 1_000_000 + " ms).");
        out.println("  Agent console:   http://" + host + ":" + room.port() + "/agent");
        out.println("  Customer join:   http://" + host + ":" + room.port() + "/join");
        out.println("  Agent sign-in:   " + signIn.describe());
        out.println("  Agent API key:   " + agentKey(logs.resolve(room.name() + ".log")));
        out.println("  Health, metrics: " + running.stream().map(i -> i.managementUrl() + "/q/")
                .reduce((a, b) -> a + "  " + b).orElse(""));
        out.println("  Logs:            " + logs + "  (Ctrl-C stops everything)");
        out.println();
        stopped.await();
    }

    /**
     * Where the agent console's key comes from: room-service logs the key it generated when none is configured
     * ({@code agent API key: …}); otherwise it is the configured one.
     */
    private static String agentKey(Path roomLog) {
        String marker = "agent API key: ";
        try (var lines = Files.lines(roomLog)) {
            return lines.filter(l -> l.contains(marker))
                    .map(l -> l.substring(l.indexOf(marker) + marker.length()).split("[\\s\"]", 2)[0])
                    .findFirst()
                    .map(key -> key + "  (header X-CoView-Agent-Key; set COVIEW_ROOM_AGENT_API_KEY to choose one)")
                    .orElse("as configured in COVIEW_ROOM_AGENT_API_KEY (coview.room.agent-api-key)");
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return "see the line 'agent API key: …' in " + roomLog;
        }
    }

    /** coturn when asked for ({@code --turn}), else {@code null}. */
    private static TurnServer startTurn(Map<String, String> opts, Path stackDir, PrintStream out, long t0)
            throws java.io.IOException {
        if (!Boolean.parseBoolean(opts.getOrDefault("turn", System.getenv("COVIEW_TURN")))) {
            return null;
        }
        String listed = opts.getOrDefault("turn-addresses", System.getenv("COVIEW_TURN_ADDRESSES"));
        List<String> addresses = listed == null || listed.isBlank() ? List.of("127.0.0.1")
                : List.of(listed.trim().split("\\s*,\\s*"));
        step(out, "starting coturn on " + String.join(", ", addresses));
        TurnServer turn = TurnServer.start(stackDir.resolve("coturn"), addresses, Duration.ofSeconds(20));
        ok(out, "coturn (pid " + turn.process().pid() + ") " + String.join(" ", turn.urls()), t0);
        return turn;
    }

    private static int port(String env, int dflt) {
        String v = System.getenv(env);
        return v == null || v.isBlank() ? dflt : Integer.parseInt(v.trim());
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException(
                        "usage: coview up [--redis redis://host:port] [--kafka host:port] [--turn]");
            }
            // A flag without a value (--turn) means true.
            boolean valued = i + 1 < args.length && !args[i + 1].startsWith("--");
            opts.put(a.substring(2), valued ? args[++i] : "true");
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
