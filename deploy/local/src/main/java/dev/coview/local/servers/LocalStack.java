package dev.coview.local.servers;

import dev.coview.contracts.kafka.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Redis and Kafka for one run: either started here as child processes (the default) or given as addresses of
 * servers that already run. Creates CoView's topics either way, so services never race auto-creation.
 *
 * @param redis            the Redis started here, or {@code null} when an external one is used
 * @param kafka            the broker started here, or {@code null} when an external one is used
 * @param redisUrl         {@code redis://host:port}, for {@code quarkus.redis.hosts}
 * @param bootstrapServers for {@code kafka.bootstrap.servers}
 */
public record LocalStack(RedisServer redis, KafkaBroker kafka, String redisUrl, String bootstrapServers)
        implements AutoCloseable {

    /** Partitions of each CoView topic in the local stack: enough to exercise per-room ordering by key. */
    static final int PARTITIONS = 3;

    /**
     * Starts what is not given. Redis and Kafka start in parallel; Kafka takes 3–7 s on two cores.
     *
     * @param baseDir          parent of the servers' work directories and logs
     * @param externalRedisUrl use this Redis instead of starting one ({@code null}: start one)
     * @param externalKafka    use this bootstrap address instead of starting a broker ({@code null}: start one)
     */
    public static LocalStack start(Path baseDir, String externalRedisUrl, String externalKafka) throws IOException {
        Files.createDirectories(baseDir);
        // Kafka's clients load their plug-ins (JmxReporter, serializers) through the thread's context class loader.
        // A common-pool thread has the system class loader there (JDK 25 at least), which under a Quarkus test is
        // not the loader of the Kafka classes: ClassCastException. So the worker carries the caller's loader.
        ClassLoader callers = Thread.currentThread().getContextClassLoader();
        CompletableFuture<KafkaBroker> kafka = externalKafka != null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> {
                    Thread worker = Thread.currentThread();
                    ClassLoader own = worker.getContextClassLoader();
                    worker.setContextClassLoader(callers);
                    try {
                        return KafkaBroker.start(baseDir.resolve("kafka"), Duration.ofSeconds(90));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        worker.setContextClassLoader(own);
                    }
                });
        RedisServer redis = null;
        try {
            redis = externalRedisUrl != null ? null : RedisServer.start(baseDir.resolve("redis"), Duration.ofSeconds(20));
            KafkaBroker broker = kafka.get(120, TimeUnit.SECONDS);
            String bootstrap = broker != null ? broker.bootstrapServers() : externalKafka;
            LocalStack stack = new LocalStack(redis, broker, redis != null ? redis.url() : externalRedisUrl, bootstrap);
            stack.createTopics();
            return stack;
        } catch (Exception e) {
            if (redis != null) {
                redis.close();
            }
            kafka.thenAccept(b -> {
                if (b != null) {
                    b.close();
                }
            });
            throw e instanceof IOException io ? io : new IOException("local stack did not start: " + e.getMessage(), e);
        }
    }

    /** Starts a fresh Redis and Kafka under {@code baseDir}. */
    public static LocalStack start(Path baseDir) throws IOException {
        return start(baseDir, null, null);
    }

    private void createTopics() throws IOException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = List.of(
                    new NewTopic(Topics.ANNOTATIONS, PARTITIONS, (short) 1),
                    new NewTopic(Topics.POINTERS, PARTITIONS, (short) 1)
                            // Pointer moves are worth nothing after a few seconds.
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "60000")),
                    new NewTopic(Topics.SESSION_EVENTS, PARTITIONS, (short) 1),
                    new NewTopic(Topics.DEAD_LETTER, 1, (short) 1),
                    new NewTopic(Topics.WEBHOOK_DEAD_LETTERS, 1, (short) 1));
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IOException("cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("topic creation timed out", e);
        }
    }

    /** Stops what was started here and removes the work directories; logs beside them stay. */
    @Override
    public void close() {
        if (kafka != null) {
            kafka.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** Removes {@code dir} and everything in it; used for throwaway base directories. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: a leftover temp file is not worth failing a shutdown for.
        }
    }
}
