package dev.coview.local.servers;

import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain string clients of a broker, for the tests and tools that write or read topics the way an outside program
 * would (a test feeding a service records, {@code coview events} following the session events). One place for
 * their settings, so every reader is in a group of its own and never moves a service's offsets.
 */
public final class KafkaClients {

    private KafkaClients() {
    }

    /** A producer of string keys and values, idempotent with {@code acks=all} as the services' durable events are. */
    public static KafkaProducer<String, String> producer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /**
     * A consumer of string keys and values in a group of its own ({@code group} and a random suffix) that commits
     * nothing: each call reads independently of every other reader.
     *
     * @param fromStart from the earliest record of each partition; else only records written after it is assigned
     */
    public static KafkaConsumer<String, String> consumer(String bootstrapServers, String group, boolean fromStart) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group + "-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromStart ? "earliest" : "latest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    }
}
