package dev.coview.reliability.testing;

import dev.coview.local.servers.FreePort;
import dev.coview.local.servers.JwtDevKeys;
import dev.coview.local.servers.LocalStack;
import dev.coview.local.servers.ServiceInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What every reliability test runs against, started once per failsafe JVM (the suite's classes share it, in the
 * order of their {@code @Order}): a Redis and a Kafka of deploy/local's {@link LocalStack}, a throwaway ES256 key
 * pair, the packaged room-service, two packaged signaling-service and two packaged annotation-service instances on
 * free ports (those four on first use), each logging to a
 * file of its own under {@code target/reliability-logs} (scanned for secrets last). Secrets are configured on
 * purpose (agent API key, TURN secret) so that the log scan has something to look for.
 */
public final class Stack {

    private static final Duration READY = Duration.ofSeconds(120);
    /** Wrong join codes from all clients per minute before joining by code pauses (room-service's global budget). */
    public static final int JOIN_FAILURES_GLOBAL = 60;
    private static Stack instance;

    private final LocalStack local;
    private final JwtDevKeys keys;
    private final Path logs;
    private final String agentKey = random();
    private final String turnSecret = random();
    private final Path media;
    private final Path uploads;
    private final ServiceInstance rooms;
    // The others start on first use, so that a class about room-service alone does not wait for four more JVMs:
    // by name (signaling-a, annotation-b, …), see shared(…).
    private final Map<String, ServiceInstance> shared = new HashMap<>();
    private final List<ServiceInstance> all = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Stack() throws IOException {
        Path target = Path.of("target");
        logs = Files.createDirectories(target.resolve("reliability-logs"));
        local = LocalStack.start(Files.createDirectories(target.resolve("reliability-stack")));
        keys = JwtDevKeys.inDirectory(target.resolve("reliability-stack").resolve("keys"));
        Secrets.register(agentKey);
        Secrets.register(turnSecret);
        Secrets.registerPem(keys.privateKey());

        Map<String, String> roomConfig = new HashMap<>(common());
        roomConfig.put("coview.room.agent-api-key", agentKey);
        roomConfig.put("coview.room.ice.stun-urls", "stun:stun.reliability.invalid:3478");
        roomConfig.put("coview.room.ice.turn-urls", "turn:turn.reliability.invalid:3478?transport=udp");
        roomConfig.put("coview.room.ice.turn-secret", turnSecret);
        // Every test client sends from 127.0.0.1: the join-code guessing limit is exercised, not a nuisance.
        roomConfig.put("coview.room.join-attempts", "5");
        // As behind an Ingress: the suite (127.0.0.1, trusted) names the client in X-Forwarded-For where a test needs
        // many clients; requests without the header count as 127.0.0.1. A small global budget, reached on purpose.
        roomConfig.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        roomConfig.put("quarkus.http.proxy.allow-x-forwarded", "true");
        roomConfig.put("quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        roomConfig.put("coview.room.join-failures-global", Integer.toString(JOIN_FAILURES_GLOBAL));
        // Media and the multipart spool in directories of the suite's own, so that upload attacks can weigh them.
        media = Files.createDirectories(target.resolve("reliability-stack").resolve("media")).toAbsolutePath();
        uploads = Files.createDirectories(target.resolve("reliability-stack").resolve("uploads")).toAbsolutePath();
        roomConfig.put("coview.room.storage.directory", media.toString());
        roomConfig.put("quarkus.http.body.uploads-directory", uploads.toString());
        rooms = ServiceInstance.start("room-service", jar("room"), FreePort.pick(), roomConfig,
                logs.resolve("room-service.log"));
        all.add(rooms);
        rooms.awaitReady(READY);
    }

    /** The suite's stack, started on first use and stopped when the test JVM exits. */
    public static synchronized Stack get() {
        if (instance == null) {
            try {
                instance = new Stack();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the reliability stack", e);
            }
            Stack started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "reliability-stack-stop"));
        }
        return instance;
    }

    private Map<String, String> common() {
        Map<String, String> config = new HashMap<>(keys.quarkusProperties());
        config.put("quarkus.redis.hosts", local.redisUrl());
        config.put("kafka.bootstrap.servers", local.bootstrapServers());
        // The fuzzers reconnect a participant after each close by design (hundreds of times a minute); the upgrade
        // throttle is tested on an instance of its own with the production budget (ReconnectLoopIT).
        config.put("coview.ws.upgrades-per-window", "1000000");
        return config;
    }

    private static Path jar(String service) {
        String path = System.getProperty("coview." + service + "-service.jar");
        if (path == null) {
            throw new IllegalStateException("coview." + service + "-service.jar is not set: run through failsafe");
        }
        return Path.of(path);
    }

    private static String random() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private void stop() {
        all.forEach(ServiceInstance::close);
        local.close();
        // A throwaway key, but a private key all the same: not left lying in target/.
        LocalStack.deleteTree(keys.privateKey().getParent());
    }

    public LocalStack local() {
        return local;
    }

    public JwtDevKeys keys() {
        return keys;
    }

    public String agentKey() {
        return agentKey;
    }

    public String turnSecret() {
        return turnSecret;
    }

    /** room-service's media directory (snapshots, recordings). */
    public Path mediaDirectory() {
        return media;
    }

    /** Where room-service spools multipart uploads while it reads them. */
    public Path uploadDirectory() {
        return uploads;
    }

    public ServiceInstance rooms() {
        return rooms;
    }

    public ServiceInstance signalingA() {
        return shared("signaling-a", "signaling");
    }

    public ServiceInstance signalingB() {
        return shared("signaling-b", "signaling");
    }

    public ServiceInstance annotationA() {
        return shared("annotation-a", "annotation");
    }

    public ServiceInstance annotationB() {
        return shared("annotation-b", "annotation");
    }

    /** The instance {@code name} of {@code service} that the tests share, started on first use. */
    private synchronized ServiceInstance shared(String name, String service) {
        ServiceInstance instance = shared.get(name);
        if (instance == null) {
            instance = startExtra(name, service, Map.of());
            shared.put(name, instance);
        }
        return instance;
    }

    /** Starts one more signaling instance (its log is scanned too, it is stopped with the stack). */
    public synchronized ServiceInstance startSignaling(String name) {
        return startExtra(name, "signaling", Map.of());
    }

    /** {@link #startSignaling(String)} with settings of its own on top of the suite's. */
    public synchronized ServiceInstance startSignaling(String name, Map<String, String> settings) {
        return startExtra(name, "signaling", settings);
    }

    /** Starts one more annotation-service instance (rebuilds its state from the log; stopped with the stack). */
    public synchronized ServiceInstance startAnnotation(String name) {
        return startExtra(name, "annotation", Map.of());
    }

    private ServiceInstance startExtra(String name, String service, Map<String, String> settings) {
        try {
            Map<String, String> config = new HashMap<>(common());
            config.putAll(settings);
            ServiceInstance extra = ServiceInstance.start(name, jar(service), FreePort.pick(), config,
                    logs.resolve(name + ".log"));
            all.add(extra);
            return extra.awaitReady(READY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A consumer of the stack's Kafka in a group of its own (named {@code groupPrefix} + a random id), from the
     *  beginning of what it subscribes to. */
    public KafkaConsumer<String, byte[]> kafkaConsumer(String groupPrefix) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, local.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Every service log the suite captured. */
    public List<Path> logFiles() {
        return all.stream().map(s -> s.process().log()).toList();
    }
}
