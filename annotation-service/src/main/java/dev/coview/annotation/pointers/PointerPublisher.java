package dev.coview.annotation.pointers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.annotation.RoomEvent;
import dev.coview.contracts.kafka.Topics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes pointer moves to {@code coview.pointers}, keyed by room, the value being the frame every socket of the room
 * receives. Pointer moves are volatile (a lost one is replaced 16 ms later, a late one is useless), so the producer
 * is tuned for latency, not durability: {@code acks=1}, no idempotence, no retries, a 1 ms linger. It is a plain
 * {@link KafkaProducer} rather than a messaging channel: {@link KafkaProducer#send} appends to a batch and returns,
 * so the socket's event loop calls it directly, with no emitter, no per-message {@code Message}/{@code Uni} and no
 * hop to a sending thread. It never blocks that loop: {@code max.block.ms=0} (a move that finds no buffer space or
 * no metadata is dropped and counted), and the topic's metadata is fetched at start, before the first move.
 */
@ApplicationScoped
public class PointerPublisher {

    private final ObjectMapper mapper;
    private final KafkaProducer<String, String> producer;
    private final AtomicLong dropped = new AtomicLong();

    @Inject
    public PointerPublisher(ObjectMapper mapper, PointerConfig config,
                            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.mapper = mapper;
        Map<String, Object> props = KafkaSettings.of(kafka, ProducerConfig.configNames());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "annotation-pointers-" + Long.toString(System.nanoTime(), 36));
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        props.put(ProducerConfig.RETRIES_CONFIG, 0);
        props.put(ProducerConfig.LINGER_MS_CONFIG, config.lingerMs());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0);
        // A move older than this is useless: it fails (and is counted) instead of arriving late.
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_000 + config.lingerMs());
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 8L << 20);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
    }

    /**
     * Eager warm-up on the startup thread: waits (up to 30 s) until the producer has the topic's metadata, so that
     * the first move of a fresh instance is sent at once instead of failing on {@code max.block.ms=0}.
     */
    void onStart(@Observes @Priority(10) StartupEvent event) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                int partitions = producer.partitionsFor(Topics.POINTERS).size();
                Log.debugf("pointer producer ready: %s has %d partitions", Topics.POINTERS, partitions);
                return;
            } catch (TimeoutException e) {
                // max.block.ms=0: the call asked for the metadata and returned; the sender thread fetches it.
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no metadata for " + Topics.POINTERS + " after 30 s", e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    /** Appends one stamped pointer event; returns at once (never blocks the caller's event loop). */
    public void publish(RoomEvent event) {
        String frame = PointerFrame.render(event);
        if (frame == null) {
            try {
                frame = mapper.writeValueAsString(event);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            producer.send(new ProducerRecord<>(Topics.POINTERS, event.roomId(), frame), (metadata, failure) -> {
                if (failure != null) {
                    drop(failure);
                }
            });
        } catch (RuntimeException e) {
            drop(e); // no buffer space or no metadata right now: this move is lost, the next one may pass
        }
    }

    /** Pointer moves that could not be written (buffer full, Kafka unreachable) since start. */
    public long dropped() {
        return dropped.get();
    }

    private void drop(Throwable failure) {
        long n = dropped.incrementAndGet();
        // One line per 1,000 drops: a broker outage at 30,000 moves/s must not flood the log.
        if (n % 1_000 == 1) {
            Log.warnf("pointer moves dropped (%d so far): %s", n, failure.toString());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        producer.close(Duration.ofSeconds(2));
    }
}
