package dev.coview.webhook.messaging;

import dev.coview.contracts.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@link Topics#WEBHOOK_DEAD_LETTERS}: the events an endpoint did not take within the retry period, with why. The
 * producer is idempotent with {@code acks=all}: an event leaves the delivery queue only once its dead letter is
 * acknowledged.
 */
public final class DeadLetters implements AutoCloseable {

    /** Header: the endpoint's name. */
    public static final String ENDPOINT = "coview-webhook-endpoint";
    /** Header: the last error (HTTP status or exception), for the operator. */
    public static final String ERROR = "coview-webhook-error";
    /** Header: how many attempts were made. */
    public static final String ATTEMPTS = "coview-webhook-attempts";

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public DeadLetters(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "coview-webhook-dead-letters");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.topic = topic;
    }

    /**
     * Writes the dead letter and waits for Kafka's acknowledgement (called on a deliverer's own thread, never an event
     * loop); throws when it could not be written, and the caller keeps the event.
     */
    public void write(ConsumerRecord<String, String> event, String endpoint, String error, int attempts)
            throws Exception {
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, event.key(), event.value());
        for (Header h : event.headers()) {
            dead.headers().add(h.key(), h.value());
        }
        dead.headers().add(ENDPOINT, endpoint.getBytes(StandardCharsets.UTF_8));
        dead.headers().add(ERROR, error.getBytes(StandardCharsets.UTF_8));
        dead.headers().add(ATTEMPTS, Integer.toString(attempts).getBytes(StandardCharsets.UTF_8));
        producer.send(dead).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
