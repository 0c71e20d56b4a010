package dev.coview.annotation.pointers;

import dev.coview.annotation.metrics.AnnotationMetrics;
import dev.coview.annotation.rooms.Rooms;
import dev.coview.contracts.kafka.Topics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Relays {@code coview.pointers} to the sockets of this instance, on a thread of its own. The consumer is assigned
 * every partition and starts at their end, with no consumer group: no group join or rebalance delays the first
 * move after a start (it used to take 0.4–1.9 s), and the end offsets are resolved on the startup thread, so a
 * move written once the instance is up is relayed. Each polled batch is coalesced ({@link PointerFrames}): a
 * receiver gets the newest position of each pointer, once, even when the relay is behind. Each frame is the record
 * value as written (serialized once, by the instance that accepted the move) and goes to every socket of its room
 * but its author's, as the same string; nothing is parsed here.
 */
@ApplicationScoped
public class PointerRelay {

    private final Rooms rooms;
    private final PointerConfig config;
    private final AnnotationMetrics metrics;
    private final KafkaConsumer<String, String> consumer;
    private final PointerFrames frames = new PointerFrames();
    private volatile boolean running = true;
    private Thread thread;
    /** Written by the relay thread only, read by metrics. */
    private volatile long relayed;
    private volatile long superseded;

    @Inject
    public PointerRelay(Rooms rooms, PointerConfig config, AnnotationMetrics metrics,
                        @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.rooms = rooms;
        this.config = config;
        this.metrics = metrics;
        Map<String, Object> props = KafkaSettings.of(kafka, ConsumerConfig.configNames());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "annotation-pointers-" + Long.toString(System.nanoTime(), 36));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, config.fetchMinBytes());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, config.fetchMaxWaitMs());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(props);
    }

    /** Assigns the partitions and resolves their end offsets now (blocking is allowed here), then starts relaying. */
    void onStart(@Observes StartupEvent event) {
        assign();
        // The relay thread is ours: it gets the application's class loader, as Kafka's reporters need it.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        thread = new Thread(this::run, "pointer-relay");
        thread.setContextClassLoader(loader);
        thread.setDaemon(true);
        thread.start();
    }

    private void assign() {
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.POINTERS, Duration.ofSeconds(30));
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo p : infos) {
            partitions.add(new TopicPartition(Topics.POINTERS, p.partition()));
        }
        if (partitions.equals(new ArrayList<>(consumer.assignment()))) {
            return;
        }
        List<TopicPartition> added = new ArrayList<>(partitions);
        added.removeAll(consumer.assignment());
        consumer.assign(partitions);
        consumer.seekToEnd(added);
        for (TopicPartition tp : added) {
            consumer.position(tp, Duration.ofSeconds(30)); // resolves the lazy seek now
        }
        Log.debugf("pointer relay follows %d partitions of %s from their end", partitions.size(), Topics.POINTERS);
    }

    private void run() {
        long nextCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.partitionCheckSeconds());
        while (running) {
            try {
                ConsumerRecords<String, String> batch = consumer.poll(Duration.ofSeconds(1));
                if (!batch.isEmpty()) {
                    relay(batch);
                }
                if (System.nanoTime() > nextCheck) {
                    assign();
                    nextCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.partitionCheckSeconds());
                }
            } catch (WakeupException e) {
                break;
            } catch (RuntimeException e) {
                // A broker outage, a bad record: pointer moves are volatile, the relay goes on with the next poll.
                Log.warnf("pointer relay: %s", e.toString());
            }
        }
        consumer.close(Duration.ofSeconds(2));
    }

    private void relay(ConsumerRecords<String, String> batch) {
        frames.clear();
        long oldest = Long.MAX_VALUE;
        for (ConsumerRecord<String, String> record : batch) {
            if (record.key() != null && record.value() != null) {
                frames.add(record.key(), record.value());
                oldest = Math.min(oldest, record.timestamp());
            }
        }
        for (int i = 0; i < frames.size(); i++) {
            rooms.relay(frames.room(i), frames.author(i), frames.frame(i));
        }
        if (oldest != Long.MAX_VALUE) {
            metrics.fannedOut(oldest);
        }
        relayed += frames.size();
        superseded += frames.superseded();
    }

    /** Frames relayed to the rooms here since start. */
    public long relayed() {
        return relayed;
    }

    /** Frames skipped because a newer position of the same pointer was in the same batch. */
    public long superseded() {
        return superseded;
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        consumer.wakeup();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        Log.debugf("pointer relay stopped: %d frames relayed, %d superseded in their batch", relayed, superseded);
    }
}
