package dev.coview.annotation.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.annotation.config.AnnotationConfig;
import dev.coview.annotation.metrics.AnnotationMetrics;
import dev.coview.annotation.rooms.Rooms;
import dev.coview.contracts.kafka.Topics;
import dev.coview.support.tracing.Traces;
import dev.coview.support.ws.WebSocketConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The materializer without Kafka: a record read again after a partition was reassigned (the group commits nothing,
 * so it rewinds to the beginning) is not applied twice, even past the per-room dedupe window; a poison record is
 * refused (the channel dead-letters it) without taking a seq and still counts for catching up.
 */
class AnnotationLogConsumerTest {

    private static final String ROOM = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final String AUTHOR = "BBBBBBBBBBBBBBBBBBBBBB";

    private final Rooms rooms = new Rooms(config(1), sockets(), new ObjectMapper());
    private final CatchUp catchUp = new CatchUp();
    private final AnnotationLogConsumer consumer = new AnnotationLogConsumer(rooms, catchUp, new ObjectMapper(),
            new AnnotationMetrics(new SimpleMeterRegistry(), rooms), Traces.off());

    @Test
    void recordsReadAgainAfterARewindAreNotAppliedTwice() {
        consumer.consume(record(0, "e1", "s1"));
        consumer.consume(record(1, "e2", "s2"));
        // A dedupe window of one event id: e1 is forgotten, only the offsets can tell it was applied.
        consumer.consume(record(0, "e1", "s1"));
        consumer.consume(record(1, "e2", "s2"));
        consumer.consume(record(2, "e3", "s3"));
        assertThat(rooms.existing(ROOM).seq()).isEqualTo(3);
    }

    @Test
    void poisonIsRefusedTakesNoSeqAndCountsForCatchingUp() {
        catchUp.target(Map.of(0, 3L));
        consumer.consume(record(0, "e1", "s1"));
        assertThatThrownBy(() -> consumer.consume(new ConsumerRecord<>(Topics.ANNOTATIONS, 0, 1, ROOM, "garbage")))
                .isInstanceOf(AnnotationLogConsumer.UnreadableRecord.class)
                .hasMessageStartingWith("not an annotation event");
        assertThatThrownBy(() -> consumer.consume(new ConsumerRecord<>(Topics.ANNOTATIONS, 0, 2, ROOM,
                "{\"type\":\"event\",\"eventId\":\"p\",\"roomId\":\"" + ROOM + "\",\"authorId\":\"" + AUTHOR
                        + "\",\"ts\":1,\"event\":{\"type\":\"pointer\",\"x\":0.5,\"y\":0.5}}")))
                .isInstanceOf(AnnotationLogConsumer.UnreadableRecord.class)
                .hasMessage("pointer is not a durable annotation event");
        assertThat(catchUp.isReady()).as("the poison at the end of the log still counts").isTrue();
        consumer.consume(record(3, "e2", "s2"));
        assertThat(rooms.existing(ROOM).seq()).isEqualTo(2);
    }

    private static ConsumerRecord<String, String> record(long offset, String eventId, String strokeId) {
        String value = "{\"type\":\"event\",\"eventId\":\"" + eventId + "\",\"roomId\":\"" + ROOM + "\",\"authorId\":\""
                + AUTHOR + "\",\"ts\":1,\"event\":{\"type\":\"stroke\",\"id\":\"" + strokeId + "\",\"tool\":\"pen\","
                + "\"color\":\"#ff0000\",\"width\":0.005,\"points\":[0.1,0.1,0.2,0.2]}}";
        return new ConsumerRecord<>(Topics.ANNOTATIONS, 0, offset, ROOM, value);
    }

    /** The limits Rooms reads, with a dedupe window of {@code dedupeWindow} event ids. */
    private static AnnotationConfig config(int dedupeWindow) {
        return (AnnotationConfig) Proxy.newProxyInstance(AnnotationConfig.class.getClassLoader(),
                new Class<?>[] {AnnotationConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "undoDepth" -> 100;
                    case "dedupeWindow" -> dedupeWindow;
                    case "maxPointsPerStroke" -> 20000;
                    case "maxElementsPerRoom" -> 5000;
                    case "maxPointsPerRoom" -> 200_000L;
                    case "maxStateBytesPerRoom" -> 6L << 20;
                    case "maxStateBytesPerInstance" -> 64L << 20;
                    case "stateFrameChars" -> 65536;
                    case "roomMessagesPerSecond" -> 1000;
                    case "roomMessageBurst" -> 2000;
                    case "slowSocketGrace" -> java.time.Duration.ofSeconds(3);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static WebSocketConfig sockets() {
        return (WebSocketConfig) Proxy.newProxyInstance(WebSocketConfig.class.getClassLoader(),
                new Class<?>[] {WebSocketConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "messagesPerSecond" -> 100;
                    case "burst" -> 200;
                    case "floodLimit" -> 50;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
