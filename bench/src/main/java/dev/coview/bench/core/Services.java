package dev.coview.bench.core;

import dev.coview.local.JwtDevKeys;
import dev.coview.local.LocalStack;
import dev.coview.local.ServiceInstance;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged services a scenario runs against, started from this checkout's jars on free ports with the bench
 * stack's configuration, and stopped together.
 */
public final class Services implements AutoCloseable {

    private final Path root;
    private final Path logs;
    private final Map<String, String> config;
    private final List<ServiceInstance> started = new ArrayList<>();

    public Services(Path root, Path logs, LocalStack stack, JwtDevKeys keys) {
        this.root = root;
        this.logs = logs;
        this.config = new LinkedHashMap<>(keys.quarkusProperties());
        config.put("quarkus.redis.hosts", stack.redisUrl());
        config.put("kafka.bootstrap.servers", stack.bootstrapServers());
        // The bench's connections are not browsers; generous limits so the bench measures relaying, not policing.
        config.put("quarkus.log.level", "WARN");
    }

    /** Starts one instance of {@code module} (e.g. signaling-service) and waits until it is ready. */
    public ServiceInstance start(String module, Map<String, String> extra) throws IOException {
        Map<String, String> c = new LinkedHashMap<>(config);
        c.putAll(extra);
        String name = module + "-" + (started.size() + 1);
        ServiceInstance s = ServiceInstance.start(name, root.resolve(module).resolve(
                "target/quarkus-app/quarkus-run.jar"), dev.coview.local.FreePort.pick(), c,
                logs.resolve(name + ".log"), jvmOptions(name));
        started.add(s);
        return s.awaitReady(Duration.ofSeconds(90));
    }

    /**
     * The production JVM options ({@link ServiceInstance#JVM_OPTIONS}) plus those of the system property
     * {@code coview.bench.jvm} (space-separated, {@code {name}} replaced by the instance name), e.g. to profile:
     * {@code -Dcoview.bench.jvm="-XX:StartFlightRecording=filename=/tmp/{name}.jfr"}.
     */
    private static List<String> jvmOptions(String name) {
        List<String> options = new ArrayList<>(ServiceInstance.JVM_OPTIONS);
        String extra = System.getProperty("coview.bench.jvm", "").trim();
        if (!extra.isEmpty()) {
            for (String o : extra.split("\\s+")) {
                options.add(o.replace("{name}", name));
            }
        }
        return options;
    }

    /** Name → pid of every started instance, for the {@link ProcessSampler}. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        started.forEach(s -> pids.put(s.name(), s.process().pid()));
        return pids;
    }

    @Override
    public void close() {
        started.parallelStream().forEach(ServiceInstance::close);
    }
}
