package dev.coview.annotation.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.coview.contracts.annotation.RoomEvent;
import dev.coview.support.json.JsonThen;
import dev.coview.support.tracing.TraceParent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Writes stamped durable events to {@code coview.annotations}, keyed by room id so that each room stays in one
 * partition, in order (idempotent producer, acks=all; the channel is configured in {@code application.properties}).
 * Pointer traffic does not come here: see {@code dev.coview.annotation.pointers.PointerPublisher}.
 */
@ApplicationScoped
public class EventLog {

    static final String ANNOTATIONS_OUT = "annotations-out";

    private final MutinyEmitter<String> annotations;
    private final ObjectWriter writer;

    @Inject
    public EventLog(@Channel(ANNOTATIONS_OUT) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    MutinyEmitter<String> annotations, ObjectMapper mapper) {
        this.annotations = annotations;
        this.writer = mapper.writer();
    }

    /**
     * Appends a durable event. Completes when Kafka has the record; fails when it could not be written (the client
     * gets an error).
     */
    public Uni<Void> append(RoomEvent event) {
        return append(event, null);
    }

    /**
     * Appends a durable event with the W3C {@code traceparent} of the span that accepted it as a record header
     * ({@link TraceParent#NAME}, as OpenTelemetry's Kafka instrumentation writes it), when it was traced.
     */
    public Uni<Void> append(RoomEvent event, String traceparent) {
        return JsonThen.write(writer, event, json -> send(event.roomId(), json, traceparent));
    }

    private Uni<Void> send(String roomId, String json, String traceparent) {
        var kafka = OutgoingKafkaRecordMetadata.<String>builder().withKey(roomId);
        if (traceparent != null) {
            byte[] value = traceparent.getBytes(StandardCharsets.US_ASCII);
            kafka.withHeaders(new RecordHeaders().add(TraceParent.NAME, value));
        }
        return annotations.sendMessage(Message.of(json, Metadata.of(kafka.build())));
    }
}
