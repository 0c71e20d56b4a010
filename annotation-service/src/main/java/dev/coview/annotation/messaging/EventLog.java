package dev.coview.annotation.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.annotation.AnnotationServerMessage.Event;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    private final ObjectMapper mapper;

    @Inject
    public EventLog(@Channel(ANNOTATIONS_OUT) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    MutinyEmitter<String> annotations, ObjectMapper mapper) {
        this.annotations = annotations;
        this.mapper = mapper;
    }

    /**
     * Appends a durable event. Completes when Kafka has the record; fails when it could not be written (the client
     * gets an error).
     */
    public Uni<Void> append(Event event) {
        String json;
        try {
            json = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        Message<String> record = Message.of(json, Metadata.of(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(event.roomId()).build()));
        return annotations.sendMessage(record);
    }
}
