package dev.coview.bench.floors;

import dev.coview.bench.core.OpenLoop;
import dev.coview.bench.core.Payloads;
import dev.coview.bench.core.ScenarioResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor under every annotation figure: raw Kafka produce → consume latency with kafka-clients configured as
 * the durable annotation path is (idempotent, acks=all), ~200-byte records keyed by a room id, on a topic of its
 * own.
 */
public final class KafkaFloor {

    private KafkaFloor() {
    }

    public static ScenarioResult run(String bootstrap, int ratePerSecond, Duration warmup, Duration measure,
                                     int lingerMs) throws Exception {
        String topic = "bench.floor." + UUID.randomUUID();
        Properties admin = new Properties();
        admin.put("bootstrap.servers", bootstrap);
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-floor-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);

        FloorTraffic traffic = new FloorTraffic("produce→consume");
        AtomicBoolean consuming = new AtomicBoolean(true);
        AtomicBoolean assigned = new AtomicBoolean(false);
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, String> kc = new KafkaConsumer<>(c, new StringDeserializer(),
                    new StringDeserializer())) {
                kc.subscribe(List.of(topic));
                while (consuming.get()) {
                    for (ConsumerRecord<String, String> r : kc.poll(Duration.ofMillis(50))) {
                        traffic.received(r.value(), System.nanoTime());
                    }
                    if (!kc.assignment().isEmpty()) {
                        assigned.set(true);
                    }
                }
            }
        }, "bench-kafka-floor-consumer");
        consumer.start();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            while (!assigned.get()) {
                Thread.sleep(20);
            }
            String[] keys = new String[64];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = "room-" + i;
            }
            try (OpenLoop loop = new OpenLoop("bench-kafka-floor", ratePerSecond, intended -> {
                long n = traffic.sending();
                producer.send(new ProducerRecord<>(topic, keys[(int) (n % keys.length)],
                        Payloads.stamped(intended, FloorTraffic.PAYLOAD_BYTES)));
            }).start()) {
                return traffic.measure("floor-kafka", loop, ratePerSecond, Map.of("linger_ms", lingerMs), warmup,
                        measure, producer::flush);
            }
        } finally {
            consuming.set(false);
            consumer.join(5_000);
        }
    }
}
