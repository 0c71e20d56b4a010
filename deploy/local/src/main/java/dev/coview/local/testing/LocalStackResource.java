package dev.coview.local.testing;

import dev.coview.local.servers.JwtDevKeys;
import dev.coview.local.servers.LocalStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Test resource for every service: a real Redis and a real Kafka from {@link LocalStack}, plus a throwaway JWT key
 * pair. One stack per test JVM, shared by every test class and test profile: it starts on first use and stops
 * when the JVM exits (and if the JVM is killed, the watchdog of each server stops it).
 *
 * <p>Injects {@code quarkus.redis.hosts}, {@code kafka.bootstrap.servers} and the JWT properties of
 * {@link JwtDevKeys#quarkusProperties()}. Tests that need the addresses outside Quarkus config call
 * {@link #stack()}.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    /*
     * JVM-wide (system properties), not only static fields: Quarkus loads this class again in a new class loader
     * for every @TestProfile restart, and that copy must find the running stack rather than start a second one.
     */
    private static final String REDIS = "coview.local.stack.redis";
    private static final String KAFKA = "coview.local.stack.kafka";
    private static final String KEYS = "coview.local.stack.keys";

    private static LocalStack stack;
    private static JwtDevKeys keys;

    /** The JVM's stack, started on first call (or found, when another class loader started it). */
    public static LocalStack stack() {
        synchronized (System.class) {
            if (stack != null) {
                return stack;
            }
            try {
                String redis = System.getProperty(REDIS);
                if (redis != null) {
                    // Started by this class in another class loader: use it as an external stack.
                    Path base = Files.createTempDirectory("coview-stack-view-");
                    base.toFile().deleteOnExit();
                    stack = LocalStack.start(base, redis, System.getProperty(KAFKA));
                    keys = JwtDevKeys.inDirectory(Path.of(System.getProperty(KEYS)));
                    return stack;
                }
                Path base = baseDir();
                stack = LocalStack.start(base);
                keys = JwtDevKeys.inDirectory(base.resolve("keys"));
                System.setProperty(REDIS, stack.redisUrl());
                System.setProperty(KAFKA, stack.bootstrapServers());
                System.setProperty(KEYS, base.resolve("keys").toString());
                LocalStack started = stack;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    LocalStack.deleteTree(base.resolve("keys"));
                }, "coview-local-stack-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the local Redis + Kafka stack", e);
            }
            return stack;
        }
    }

    /** The JVM's JWT key pair (starts the stack if needed). */
    public static JwtDevKeys keys() {
        stack();
        return keys;
    }

    /** The configuration a Quarkus service needs to use this JVM's stack. */
    public static Map<String, String> quarkusProperties() {
        LocalStack s = stack();
        Map<String, String> config = new HashMap<>(keys().quarkusProperties());
        config.put("quarkus.redis.hosts", s.redisUrl());
        config.put("kafka.bootstrap.servers", s.bootstrapServers());
        return config;
    }

    @Override
    public Map<String, String> start() {
        return quarkusProperties();
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM: stopped by the shutdown hook, not per class or profile.
    }

    private static Path baseDir() throws IOException {
        Path target = Path.of(System.getProperty("user.dir"), "target");
        if (Files.isDirectory(target)) {
            // Under Maven: logs stay in target/ for a failed build to show; data is removed on stop.
            return Files.createDirectories(target.resolve("coview-stack-" + ProcessHandle.current().pid()));
        }
        return Files.createTempDirectory("coview-stack-");
    }
}
