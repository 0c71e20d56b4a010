package dev.coview.bench.core;

import dev.coview.local.servers.FreePort;
import dev.coview.local.servers.JwtDevKeys;
import dev.coview.local.servers.LocalStack;
import dev.coview.local.servers.ServiceInstance;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged services a scenario runs against, started from this checkout's jars on free ports with the bench
 * stack's configuration, and stopped together. Records how each instance started ({@link ServiceStart}).
 */
public final class Services implements AutoCloseable {

    /** One instance to start: its module (e.g. signaling-service) and extra configuration. */
    public record Spec(String module, Map<String, String> config) {
    }

    private record Started(ServiceInstance instance, String module, int together, double readySeconds,
                           double rssReadyMb, String loadAverage, Path log) {
    }

    private final Path root;
    private final Path logs;
    private final Map<String, String> config;
    private final String label;
    private final List<Started> started = new ArrayList<>();
    private int counter;

    public Services(Path root, Path logs, LocalStack stack, JwtDevKeys keys) {
        this(root, logs, stack, keys, "");
    }

    /**
     * @param label part of the instance names ({@code <module>-<label>-<n>}), which also name the instances'
     *              class-data archives: the same names from one run to the next reuse them
     */
    public Services(Path root, Path logs, LocalStack stack, JwtDevKeys keys, String label) {
        this.root = root;
        this.label = label.isEmpty() ? "" : label + "-";
        this.logs = logs;
        this.config = new LinkedHashMap<>(keys.quarkusProperties());
        config.put("quarkus.redis.hosts", stack.redisUrl());
        config.put("kafka.bootstrap.servers", stack.bootstrapServers());
        // The bench's connections are not browsers; generous limits so the bench measures relaying, not policing.
        config.put("quarkus.log.level", "WARN");
        // ... but Quarkus's own "started in" line (logger io.quarkus, INFO) is the start time the report shows.
        config.put("quarkus.log.category.\"io.quarkus\".level", "INFO");
    }

    /** Starts one instance of {@code module} (e.g. signaling-service) and waits until it is ready. */
    public ServiceInstance start(String module, Map<String, String> extra) throws IOException {
        return startTogether(List.of(new Spec(module, extra))).get(0);
    }

    /**
     * Spawns the JVMs of all {@code specs} at once, then waits until every one is ready: how the services start
     * side by side on a small machine ({@code ./coview up}, a rolling restart).
     */
    public List<ServiceInstance> startTogether(List<Spec> specs) throws IOException {
        String load = ServiceStart.currentLoadAverage();
        List<ServiceInstance> spawned = new ArrayList<>();
        List<Long> spawnedAt = new ArrayList<>();
        for (Spec spec : specs) {
            Map<String, String> c = new LinkedHashMap<>(config);
            c.putAll(spec.config());
            String name = spec.module() + "-" + label + (++counter);
            Path jar = root.resolve(spec.module()).resolve("target/quarkus-app/quarkus-run.jar");
            spawnedAt.add(System.nanoTime());
            ServiceInstance s = ServiceInstance.start(name, jar, FreePort.pick(), c, logs.resolve(name + ".log"),
                    BenchJvm.options(jar, name), BenchJvm.environment());
            spawned.add(s);
        }
        List<ServiceInstance> ready = new ArrayList<>();
        for (int i = 0; i < spawned.size(); i++) {
            ServiceInstance s = spawned.get(i);
            try {
                s.awaitReady(Duration.ofSeconds(90));
            } catch (IOException e) {
                spawned.forEach(ServiceInstance::close);
                throw e;
            }
            double seconds = (System.nanoTime() - spawnedAt.get(i)) / 1e9;
            started.add(new Started(s, specs.get(i).module(), specs.size(), Math.round(seconds * 100) / 100.0,
                    ServiceStart.rssMb(s.process().pid()), load, s.process().log()));
            ready.add(s);
        }
        return ready;
    }

    /**
     * How each instance started so far, with Quarkus's "started in" read from its log. Quarkus logs that line after
     * the HTTP server answers, so read it after the run (or after {@link #close()}), not right after the start.
     */
    public List<ServiceStart> starts() {
        return started.stream().map(s -> new ServiceStart(s.instance().name(), s.module(), s.together(),
                s.readySeconds(), ServiceStart.startedIn(s.log()), s.rssReadyMb(), s.loadAverage())).toList();
    }

    /** Name → pid of every started instance, for the {@link ProcessSampler}. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        started.forEach(s -> pids.put(s.instance().name(), s.instance().process().pid()));
        return pids;
    }

    /** Stops every instance started so far (each one's class-data archive is written as it exits). */
    @Override
    public void close() {
        started.parallelStream().forEach(s -> {
            long t0 = System.nanoTime();
            s.instance().close();
            // Stopping includes writing the class-data archive on the first run after a build.
            System.out.printf("stopped %s in %.2f s%n", s.instance().name(), (System.nanoTime() - t0) / 1e9);
        });
    }
}
