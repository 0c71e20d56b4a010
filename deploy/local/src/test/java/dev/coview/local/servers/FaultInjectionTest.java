package dev.coview.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The faults the reliability suite injects, proven on a stack of their own: a Kafka broker restarted keeps its
 * data and its address; a paused redis-server answers nothing until resumed.
 */
class FaultInjectionTest {

    @RegisterExtension
    static final OwnLocalStack own = new OwnLocalStack("coview-fault-test");

    @Test
    void aRestartedBrokerKeepsItsRecordsAndAddress() throws Exception {
        String room = "room-" + UUID.randomUUID();
        produce(room, "before-1", "before-2");
        long oldPid = own.stack().kafka().process().pid();

        own.stack().kafka().restart(Duration.ofSeconds(90));

        assertThat(own.stack().kafka().process().pid()).isNotEqualTo(oldPid);
        produce(room, "after-1");
        assertThat(consume(room, 3)).containsExactly("before-1", "before-2", "after-1");
    }

    @Test
    void aPausedRedisAnswersNothingUntilResumed() {
        RedisServer redis = own.stack().redis();
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
        try (KafkaProducer<String, String> producer = KafkaClients.producer(own.stack().bootstrapServers())) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(Topics.ANNOTATIONS, key, v)).get();
            }
        }
    }

    private static List<String> consume(String key, int expected) {
        List<String> got = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                KafkaClients.consumer(own.stack().bootstrapServers(), "fault", true)) {
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
