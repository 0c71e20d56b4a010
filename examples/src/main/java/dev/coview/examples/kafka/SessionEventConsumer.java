package dev.coview.examples.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.events.CloudEventHeaders;
import dev.coview.contracts.events.SessionEventType;
import dev.coview.contracts.kafka.Topics;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer of CoView's session events with the CloudEvents Kafka binding ({@code io.cloudevents:cloudevents-kafka}):
 * its {@link CloudEventDeserializer} turns each binary-mode record into a {@link CloudEvent}. It follows the consumer
 * rules of docs/integrations.md: its own group, commit after the side effect, deduplicate on the event id
 * (at-least-once), skip types it does not know, ignore fields it does not know.
 *
 * <p>Run it: {@code java -cp … dev.coview.examples.kafka.SessionEventConsumer <bootstrap servers> [group]}; it prints
 * one line per event with the room and the CRM record it belongs to.
 */
public final class SessionEventConsumer implements AutoCloseable {

    /** What the application does with one event; throwing leaves the event uncommitted (it comes again). */
    public interface Handler {
        void handle(SessionEvent event) throws Exception;
    }

    /**
     * One event, as an application wants it.
     *
     * @param id          the CloudEvent id (deduplication key)
     * @param type        the known type
     * @param roomId      the room ({@code subject})
     * @param externalRef {@code system/type/id} of the CRM record the room was created for, if any
     * @param data        the payload; read the fields you need and ignore the rest
     */
    public record SessionEvent(String id, SessionEventType type, String roomId, Optional<String> externalRef,
                               JsonNode data) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final Predicate<String> firstTime;

    /**
     * @param firstTime answers whether an event id is seen for the first time (and remembers it): your store of
     *                  processed ids, e.g. a unique key in your database
     */
    public SessionEventConsumer(String bootstrapServers, String group, Predicate<String> firstTime) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);                 // your own group: you get every event
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);       // commit after your side effect
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new CloudEventDeserializer());
        this.firstTime = firstTime;
        consumer.subscribe(List.of(Topics.SESSION_EVENTS));
    }

    /** Handles what one poll brings, then commits; returns how many events were handed to {@code handler}. */
    public int pollOnce(Duration timeout, Handler handler) throws Exception {
        int handled = 0;
        for (ConsumerRecord<String, CloudEvent> r : consumer.poll(timeout)) {
            Optional<SessionEvent> event = read(r.value());
            if (event.isEmpty() || !firstTime.test(event.get().id())) {
                continue;                                         // unknown type, or seen before
            }
            handler.handle(event.get());
            handled++;
        }
        consumer.commitSync();
        return handled;
    }

    /** The event as the application sees it; empty for a type this version does not know. */
    static Optional<SessionEvent> read(CloudEvent ce) throws IOException {
        Optional<SessionEventType> type = SessionEventType.find(ce.getType());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Object system = ce.getExtension(CloudEventHeaders.Extensions.EXTERNAL_REF_SYSTEM);
        Object refType = ce.getExtension(CloudEventHeaders.Extensions.EXTERNAL_REF_TYPE);
        Object refId = ce.getExtension(CloudEventHeaders.Extensions.EXTERNAL_REF_ID);
        Optional<String> ref = refId == null ? Optional.empty()
                : Optional.of(system + "/" + refType + "/" + refId);
        JsonNode data = ce.getData() == null ? JSON.nullNode() : JSON.readTree(ce.getData().toBytes());
        return Optional.of(new SessionEvent(ce.getId(), type.get(), ce.getSubject(), ref, data));
    }

    /** Makes a blocked {@link #pollOnce} return (from another thread). */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "localhost:9092";
        String group = args.length > 1 ? args[1] : "coview-example";
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (SessionEventConsumer consumer = new SessionEventConsumer(bootstrap, group, seen::add)) {
            Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup));
            while (true) {
                consumer.pollOnce(Duration.ofSeconds(1), e -> System.out.printf("%s %s room=%s ref=%s %s%n",
                        e.id(), e.type().type(), e.roomId(), e.externalRef().orElse("-"), e.data()));
            }
        } catch (WakeupException stopping) {
            // Ctrl-C
        }
    }
}
