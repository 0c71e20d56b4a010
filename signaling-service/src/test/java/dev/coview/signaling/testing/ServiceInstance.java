package dev.coview.signaling.testing;

import dev.coview.local.servers.ChildProcess;
import dev.coview.local.servers.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * One packaged signaling-service ({@code java -jar quarkus-run.jar}) on a free port (and a free management port for
 * its health), as a child process.
 */
public final class ServiceInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ChildProcess process;
    private final int port;
    private final int managementPort;

    private ServiceInstance(ChildProcess process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts the jar with {@code properties} as system properties and waits until it is ready. */
    public static ServiceInstance start(String name, Path jar, Map<String, String> properties, Path logDir)
            throws IOException {
        int port = FreePort.pick();
        int managementPort = FreePort.pick();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        ChildProcess p = ChildProcess.start(name, command, null, logDir.resolve(name + ".log"), Map.of());
        ServiceInstance instance = new ServiceInstance(p, port, managementPort);
        Awaitility.await(name + " ready on port " + port).atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(instance::isReady);
        return instance;
    }

    private boolean isReady() {
        if (!process.isAlive()) {
            throw new IllegalStateException(process.name() + " exited; see " + process.log());
        }
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                    + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no goodbye to Redis; the instance simply stops answering. */
    public void kill() {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }
}
