package dev.coview.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.kafka.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The faults the reliability suite injects, proven on a stack of their own: a Kafka broker restarted keeps its
 * data and its address; a paused redis-server answers nothing until resumed.
 */
class FaultInjectionTest {

    private static Path base;
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        base = Files.createTempDirectory("coview-fault-test");
        stack = LocalStack.start(base);
    }

    @AfterAll
    static void stop() {
        stack.close();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(base.resolve("kafka")));
        LocalStack.deleteTree(base);
    }

    @Test
    void aRestartedBrokerKeepsItsRecordsAndAddress() throws Exception {
        String room = "room-" + UUID.randomUUID();
        produce(room, "before-1", "before-2");
        long oldPid = stack.kafka().process().pid();

        stack.kafka().restart(Duration.ofSeconds(90));

        assertThat(stack.kafka().process().pid()).isNotEqualTo(oldPid);
        produce(room, "after-1");
        assertThat(consume(room, 3)).containsExactly("before-1", "before-2", "after-1");
    }

    @Test
    void aPausedRedisAnswersNothingUntilResumed() {
        RedisServer redis = stack.redis();
        assertThat(redis.ping()).isTrue();
        redis.process().pause();
        try {
            assertThat(redis.ping()).isFalse();
        } finally {
            redis.process().resume();
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(redis::ping);
    }

    private static void produce(String key, String... values) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(Topics.ANNOTATIONS, key, v)).get();
            }
        }
    }

    private static List<String> consume(String key, int expected) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> got = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ANNOTATIONS));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        got.add(r.value());
                    }
                });
                return got.size() >= expected;
            });
        }
        return got;
    }
}
