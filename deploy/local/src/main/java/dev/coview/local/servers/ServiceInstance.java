package dev.coview.local.servers;

import dev.coview.local.testing.LocalStackResource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One packaged CoView service ({@code target/quarkus-app/quarkus-run.jar}) running as a child process under the
 * watchdog, on a given port, with the given configuration as system properties. Used by {@code ./coview up},
 * the two-instance {@code *IT}s and bench/.
 *
 * <p>Health and metrics are on the service's management interface, a port of its own ({@link #managementUrl()}:
 * {@code /q/health/ready}, {@code /q/metrics}); the main port does not serve them. The management port is
 * {@code quarkus.management.port} when the configuration names one, else a free port.
 */
public record ServiceInstance(String name, int port, int managementPort, ChildProcess process)
        implements AutoCloseable {

    /** Readiness on the management interface (Kubernetes' readiness probe asks the same). */
    public static final String READINESS_PATH = "/q/health/ready";
    /** Liveness on the management interface. */
    public static final String LIVENESS_PATH = "/q/health/live";
    /** Prometheus metrics on the management interface. */
    public static final String METRICS_PATH = "/q/metrics";

    /**
     * Starts {@code jar} listening on {@code port}; returns once the process runs (see {@link #awaitReady}).
     *
     * @param config     system properties, e.g. {@link LocalStackResource#quarkusProperties()} plus service settings
     * @param log        file that receives the service's output (replaced)
     * @param jvmOptions the JVM's options, e.g. {@link ServiceJvm#options(Path, String)}
     * @param env        environment variables added to this JVM's, e.g. {@link ServiceJvm#ENVIRONMENT}
     */
    public static ServiceInstance start(String name, Path jar, int port, Map<String, String> config, Path log,
                                        List<String> jvmOptions, Map<String, String> env) throws IOException {
        if (!Files.exists(jar)) {
            throw new IOException(jar + " is missing: package the service first");
        }
        for (String o : jvmOptions) {
            if (o.startsWith("-XX:SharedArchiveFile=")) {
                // The JVM writes the archive but does not create its directory.
                Path archive = Path.of(o.substring(o.indexOf('=') + 1)).toAbsolutePath();
                if (archive.getParent() != null) {
                    Files.createDirectories(archive.getParent());
                }
                ClassDataArchive.dropIfStale(archive, jar.toAbsolutePath().getParent());
            }
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(KafkaBroker.javaBinary());
        cmd.addAll(jvmOptions);
        cmd.add("-Dquarkus.http.port=" + port);
        String given = config.get("quarkus.management.port");
        int managementPort = given == null ? FreePort.pick() : Integer.parseInt(given);
        if (given == null) {
            cmd.add("-Dquarkus.management.port=" + managementPort);
        }
        config.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", jar.toString()));
        Files.deleteIfExists(log);
        return new ServiceInstance(name, port, managementPort, ChildProcess.start(name, cmd, null, log, env));
    }

    /** Starts with the given JVM options and the services' environment ({@link ServiceJvm#ENVIRONMENT}). */
    public static ServiceInstance start(String name, Path jar, int port, Map<String, String> config, Path log,
                                        List<String> jvmOptions) throws IOException {
        return start(name, jar, port, config, log, jvmOptions, ServiceJvm.ENVIRONMENT);
    }

    /** Starts with the JVM set up as in production ({@link ServiceJvm}). */
    public static ServiceInstance start(String name, Path jar, int port, Map<String, String> config, Path log)
            throws IOException {
        return start(name, jar, port, config, log, ServiceJvm.options(jar, name), ServiceJvm.ENVIRONMENT);
    }

    /** Waits until {@link #readinessUrl()} answers 200; fails early if the process exits. */
    public ServiceInstance awaitReady(Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(readinessUrl()))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited; " + process.log() + " ends with:\n"
                        + ChildProcess.tail(process.log(), 20));
            }
            try {
                if (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + name, e);
            }
            // Finely enough that bench/ can report start times to a tenth of a second.
            RedisServer.sleepQuietly(50);
        }
        throw new IOException(name + " not ready within " + timeout + "; " + process.log() + " ends with:\n"
                + ChildProcess.tail(process.log(), 20));
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code http://127.0.0.1:<management port>}: health and metrics, never the public API. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** The readiness endpoint on the management interface. */
    public String readinessUrl() {
        return managementUrl() + READINESS_PATH;
    }

    /** The Prometheus endpoint on the management interface. */
    public String metricsUrl() {
        return managementUrl() + METRICS_PATH;
    }

    /** SIGKILL, as a crashed node: no shutdown hook, no goodbye to Redis or Kafka. */
    public void kill() {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
    }

    /** Graceful stop (SIGTERM), then SIGKILL after the grace period. */
    @Override
    public void close() {
        process.stop(Duration.ofSeconds(15));
    }
}
