package dev.coview.local.servers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;

/**
 * A real Kafka broker: one KRaft node that is both broker and controller, from the {@code kafka_2.13} jars that
 * quarkus-bom manages, in a JVM of its own (so its Scala and Jackson never meet a service's classpath).
 * Replication factors are 1 and the first consumer group forms at once ({@code group.initial.rebalance.delay.ms=0}).
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "/dev/coview/local/kafka-classpath.txt";

    private final ChildProcess janitor;
    private final List<String> command;
    private final Path workDir;
    private final int port;
    private volatile ChildProcess process;

    private KafkaBroker(ChildProcess janitor, List<String> command, Path workDir, int port) {
        this.janitor = janitor;
        this.command = command;
        this.workDir = workDir;
        this.port = port;
    }

    /**
     * Formats a fresh log directory in {@code workDir}, starts the broker and waits until an AdminClient lists
     * topics. Should a listener port be taken between picking and binding it (another process's ephemeral port),
     * it starts again on new ports, up to {@value RedisServer#BIND_ATTEMPTS} times.
     */
    public static KafkaBroker start(Path workDir, Duration timeout) throws IOException {
        // A fresh start means fresh data: a directory left by an earlier run (a failed start, a killed JVM whose
        // janitor has not finished) holds another cluster id, and formatting over it fails.
        LocalStack.deleteTree(workDir.resolve("data"));
        Files.createDirectories(workDir);
        // The broker's data must survive a restart (fault tests), so the janitor, not the broker's watchdog,
        // removes the work directory: when this JVM stops or dies.
        ChildProcess janitor = ChildProcess.janitor("kafka-janitor", workDir, pidFile(workDir));
        try {
            for (int attempt = 1; ; attempt++) {
                KafkaBroker broker = configure(workDir, janitor);
                try {
                    broker.launch();
                    broker.awaitReady(timeout);
                    return broker;
                } catch (IOException e) {
                    if (broker.process == null) {
                        throw e;
                    }
                    broker.process.stop(Duration.ofSeconds(30));
                    Path serverLog = serverLog(workDir);
                    if (attempt >= RedisServer.BIND_ATTEMPTS
                            || !(ChildProcess.saysPortTaken(serverLog) || ChildProcess.saysPortTaken(broker.process.log()))) {
                        throw e;
                    }
                    LocalStack.deleteTree(workDir.resolve("data"));
                    Files.writeString(serverLog, "(a port was taken; trying new ones)\n",
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                }
            }
        } catch (IOException | RuntimeException e) {
            janitor.close();
            throw e;
        }
    }

    /** Writes the configuration for fresh ports and formats the storage. */
    private static KafkaBroker configure(Path workDir, ChildProcess janitor) throws IOException {
        int port = FreePort.pick();
        int controllerPort = FreePort.pick();
        while (controllerPort == port) {
            controllerPort = FreePort.pick();
        }
        Path logDirs = workDir.resolve("data");
        Path config = workDir.resolve("server.properties");
        Files.writeString(config, serverProperties(port, controllerPort, logDirs));
        Path log4j = workDir.resolve("log4j2.properties");
        // The broker log sits beside the work directory: it outlives the data that stop removes.
        Files.writeString(log4j, log4jProperties(serverLog(workDir)));

        String classpath = brokerClasspath();
        List<String> jvm = List.of(javaBinary(), "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
                "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath);

        format(jvm, config, workDir);

        List<String> run = new ArrayList<>(jvm);
        run.add("kafka.Kafka");
        run.add(config.toString());
        return new KafkaBroker(janitor, List.copyOf(run), workDir, port);
    }

    private static Path serverLog(Path workDir) {
        return workDir.resolveSibling(workDir.getFileName() + "-server.log");
    }

    private void launch() throws IOException {
        process = ChildProcess.start("kafka", command, null, workDir.resolveSibling(workDir.getFileName() + ".log"),
                Map.of());
        Files.writeString(pidFile(workDir), Long.toString(process.pid()));
    }

    /** Beside the work directory, not in it: the janitor reads it to wait for the broker before removing data. */
    private static Path pidFile(Path workDir) {
        return workDir.resolveSibling(workDir.getFileName() + ".pid");
    }

    /**
     * Stops the broker (SIGTERM, a clean shutdown) and starts it again on the same ports with the same data, as
     * in a rolling restart; returns once it lists topics again.
     */
    public void restart(Duration timeout) throws IOException {
        process.stop(Duration.ofSeconds(30));
        launch();
        awaitReady(timeout);
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ChildProcess process() {
        return process;
    }

    private static void format(List<String> jvm, Path config, Path workDir) throws IOException {
        List<String> cmd = new ArrayList<>(jvm);
        cmd.addAll(List.of("kafka.tools.StorageTool", "format", "-t", randomClusterId(), "-c", config.toString(),
                "--ignore-formatted"));
        Path out = workDir.resolve("format.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("kafka storage format did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while formatting Kafka storage", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("kafka storage format failed (" + p.exitValue() + "): " + Files.readString(out));
        }
    }

    private void awaitReady(Duration timeout) throws IOException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        long deadline = System.nanoTime() + timeout.toNanos();
        // Wait for the listener first: an AdminClient created earlier logs a warning per failed connection.
        while (System.nanoTime() < deadline && !listening()) {
            if (!process.isAlive()) {
                throw new IOException("Kafka broker exited; " + serverLog(workDir) + " ends with:\n"
                        + ChildProcess.tail(serverLog(workDir), 15));
            }
            RedisServer.sleepQuietly(100);
        }
        try (Admin admin = Admin.create(props)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("Kafka broker exited; " + serverLog(workDir) + " ends with:\n"
                        + ChildProcess.tail(serverLog(workDir), 15));
                }
                try {
                    admin.listTopics(new ListTopicsOptions().timeoutMs(2000)).names().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    RedisServer.sleepQuietly(100);
                }
            }
        }
        process.close();
        throw new IOException("Kafka broker did not list topics within " + timeout + "; " + serverLog(workDir)
                + " ends with:\n" + ChildProcess.tail(serverLog(workDir), 15));
    }

    private boolean listening() {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String brokerClasspath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IOException(CLASSPATH_RESOURCE + " is missing: build deploy/local/kafka-runtime first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String randomClusterId() {
        // KRaft wants a base64url-encoded 16-byte UUID, the format of `kafka-storage random-uuid`. One in 64 of
        // those starts with '-', which the storage tool's argument parser takes for an option ("argument
        // --cluster-id/-t: expected one argument"): like Kafka's own Uuid.randomUuid(), draw again.
        while (true) {
            UUID u = UUID.randomUUID();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
            b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private static String serverProperties(int port, int controllerPort, Path logDirs) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirs,
                "num.partitions=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                // Fewer internal partitions: the first consumer group is ready in a fraction of the time.
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=4",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=24",
                "");
    }

    private static String log4jProperties(Path file) {
        return String.join("\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + file,
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = %d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.file.ref = file",
                "logger.kafka.name = kafka",
                "logger.kafka.level = info",
                "logger.state.name = state.change.logger",
                "logger.state.level = warn",
                "");
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
        janitor.close();
    }
}
