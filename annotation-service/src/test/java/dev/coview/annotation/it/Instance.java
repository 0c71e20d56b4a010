package dev.coview.annotation.it;

import dev.coview.local.servers.ChildProcess;
import dev.coview.local.servers.FreePort;
import dev.coview.local.testing.LocalStackResource;
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
 * One packaged annotation-service ({@code java -jar coview.service.jar}) on a free port (health on a free management
 * port), against the JVM's stack.
 */
final class Instance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final int port;
    private final int managementPort;
    private final ChildProcess process;

    private Instance(int port, int managementPort, ChildProcess process) {
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
    }

    static Instance start(String name) throws IOException {
        int port = FreePort.pick();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        Map<String, String> props = new java.util.HashMap<>(LocalStackResource.quarkusProperties());
        props.put("quarkus.http.port", String.valueOf(port));
        int managementPort = FreePort.pick();
        props.put("quarkus.management.port", String.valueOf(managementPort));
        props.put("quarkus.http.host", "127.0.0.1");
        // 10,000 pointer moves in one go is a test's burst, not a browser's (one per animation frame).
        props.put("coview.ws.messages-per-second", "100000");
        props.put("coview.ws.burst", "20000");
        // The room's own budget (shared by all its sockets) would refuse that burst too.
        props.put("coview.annotation.room-messages-per-second", "100000");
        props.put("coview.annotation.room-message-burst", "20000");
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(System.getProperty("coview.service.jar"));
        Path log = Path.of("target", "it-logs", name + "-" + port + ".log").toAbsolutePath();
        ChildProcess p = ChildProcess.start(name, cmd, null, log, Map.of());
        Instance instance = new Instance(port, managementPort, p);
        Awaitility.await(name + " ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(instance::ready);
        return instance;
    }

    private boolean ready() throws IOException, InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException("instance exited; see " + process.log());
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
