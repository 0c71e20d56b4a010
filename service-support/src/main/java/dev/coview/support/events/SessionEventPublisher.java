package dev.coview.support.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.events.CloudEventHeaders;
import dev.coview.contracts.events.SessionEventType;
import dev.coview.contracts.rooms.ExternalRef;
import dev.coview.support.tracing.TraceParent;
import dev.coview.support.tracing.Traces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Publishes CoView's session events for other systems: CloudEvents 1.0 in Kafka binary mode on
 * {@code coview.session-events}, keyed by room id so that each room's events stay ordered. The connector writes
 * the {@code ce_} headers from {@link OutgoingCloudEventMetadata}; the channel's producer is idempotent with
 * {@code acks=all} (see this module's {@code microprofile-config.properties}).
 *
 * <p>Besides the required attributes every event has {@code subject} (the room id) and {@code dataschema} (its
 * payload schema), {@code traceparent} when the caller was being traced, and the room's external reference and
 * metadata as extension attributes ({@link CloudEventHeaders.Extensions}) when the room was created with them. The
 * payload itself never carries them: a consumer validating with an older, closed schema keeps working.
 */
@ApplicationScoped
public class SessionEventPublisher {

    /** The channel bound to {@code coview.session-events}. */
    public static final String CHANNEL = "session-events";
    /** The PRODUCER span of one publish (tracing on), from the hand-over to Kafka to its acknowledgement. */
    static final String SPAN = "coview.session-events publish";

    private static final String JSON = "application/json";
    /**
     * How long an event waits for the room's previous one to be handed to the emitter. Past it, it goes: no event stays
     * stuck behind one whose caller never subscribed (none does; this is the net).
     */
    private static final Duration TURN_WAIT = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(SessionEventPublisher.class);

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;
    private final RoomLabelLookup labels;
    private final Traces traces;
    /** {@code coview_session_events_publish_failures_total}: events Kafka did not acknowledge (lost to consumers). */
    private final Counter failures;
    /**
     * Per room, the event published last, until it is handed to the emitter: the room's next event waits for it. Each
     * event may read its room's labels from Redis first, and two reads on two pooled connections answer in either
     * order: a room's {@code participant.connected} reached Kafka after the {@code share.started} published right
     * after it (SessionEventsTest, signaling-service, saw it once). Within the room's partition Kafka keeps the
     * order it is given (idempotent producer).
     */
    private final ConcurrentHashMap<String, CompletableFuture<Void>> lastInRoom = new ConcurrentHashMap<>();

    @Inject
    public SessionEventPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, ObjectMapper mapper,
                                 RoomLabelLookup labels, Traces traces, MeterRegistry registry) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.labels = labels;
        this.traces = traces;
        this.failures = Counter.builder("coview.session.events.publish.failures")
                .description("session events that could not be written to coview.session-events").register(registry);
    }

    /**
     * Publishes one event about a room. The returned {@link Uni} completes when Kafka has acknowledged the record
     * and fails if it could not be written; callers decide whether a failure fails their request.
     *
     * @param data the event's payload, a record from {@code dev.coview.contracts.events}, serialized as JSON
     */
    public Uni<Void> publish(SessionEventType type, String roomId, Object data) {
        String json;
        try {
            json = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event payload is not serializable", e));
        }
        // Read now, on the caller's thread: the trace context does not follow the Redis read below. Tracing on, the
        // event's traceparent is the publish span's, a child of the caller's (the connector's own tracing is off).
        // An event published outside any trace (a sweeper) starts none.
        String caller = TraceParent.current();
        Span span = caller == null ? null : traces.start(SPAN, SpanKind.PRODUCER, caller, roomId, null);
        String traceparent = span == null ? caller : TraceParent.of(span.getSpanContext());
        ZonedDateTime time = ZonedDateTime.now(ZoneOffset.UTC);
        // Kafka acknowledges on its producer thread. A caller that goes on with Redis from there would finish its
        // request on an event loop outside the request's context (RESTEasy then finds no request scope: a 500), so
        // the outcome is handed back to the caller's own Vert.x context.
        Context context = Vertx.currentContext();
        // This event's turn in its room: taken now, in the order publish is called.
        CompletableFuture<Void> handedOver = new CompletableFuture<>();
        CompletableFuture<Void> before = lastInRoom.put(roomId, handedOver);
        Uni<Void> sent = labels.of(roomId)
                .onFailure().recoverWithItem(e -> {
                    // The event matters more than its labels: send it without them rather than not at all.
                    LOG.warnf(e, "could not read the labels of room %s; %s goes out without them", roomId,
                            type.type());
                    return RoomLabels.NONE;
                })
                .call(ignored -> before == null || before.isDone() ? Uni.createFrom().voidItem()
                        : Uni.createFrom().completionStage(before).ifNoItem().after(TURN_WAIT).recoverWithItem(
                                (Void) null))
                .chain(roomLabels -> handOver(send(type, roomId, json, time, traceparent, roomLabels), roomId,
                        handedOver))
                .onTermination().invoke((ignored, failure, cancelled) -> {
                    Traces.end(span, failure);
                    release(roomId, handedOver);
                });
        return context == null ? sent : sent.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /**
     * Subscribes to the send at once (the emitter takes the record then, in the order of these calls), and lets the
     * room's next event go.
     */
    private Uni<Void> handOver(Uni<Void> send, String roomId, CompletableFuture<Void> handedOver) {
        return Uni.createFrom().emitter(done -> {
            send.subscribe().with(done::complete, done::fail);
            release(roomId, handedOver);
        });
    }

    private void release(String roomId, CompletableFuture<Void> handedOver) {
        handedOver.complete(null);
        lastInRoom.remove(roomId, handedOver);
    }

    private Uni<Void> send(SessionEventType type, String roomId, String json, ZonedDateTime time,
                           String traceparent, RoomLabels roomLabels) {
        OutgoingCloudEventMetadataBuilder<Object> ce = OutgoingCloudEventMetadata.builder()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create(CloudEventHeaders.sourceOf(roomId)))
                .withType(type.type())
                .withSubject(roomId)
                .withDataSchema(URI.create(type.dataSchema()))
                .withTimestamp(time)
                .withDataContentType(JSON);
        if (traceparent != null) {
            ce.withExtension(CloudEventHeaders.Extensions.TRACEPARENT, traceparent);
        }
        ExternalRef ref = roomLabels.externalRef();
        if (ref != null) {
            ce.withExtension(CloudEventHeaders.Extensions.EXTERNAL_REF_SYSTEM, ref.system())
                    .withExtension(CloudEventHeaders.Extensions.EXTERNAL_REF_TYPE, ref.type())
                    .withExtension(CloudEventHeaders.Extensions.EXTERNAL_REF_ID, ref.id());
        }
        if (!roomLabels.metadata().isEmpty()) {
            ce.withExtension(CloudEventHeaders.Extensions.ROOM_METADATA, roomLabels.metadataJson(mapper));
        }
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(roomId)
                .build();
        return emitter.sendMessage(Message.of(json, Metadata.of(ce.build(), kafka)))
                .onFailure().invoke(e -> failures.increment());
    }
}
