package dev.coview.signaling.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.coview.contracts.signal.Relayed;
import dev.coview.contracts.signal.ServerSignal;
import dev.coview.support.json.JsonThen;
import dev.coview.support.tracing.TraceParent;
import dev.coview.support.tracing.Traces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The {@link RoomBus} of instances sharing a Redis: this instance's subscriptions to rooms' channels
 * ({@link SignalingKeys#channel}), subscribed while the room has a socket here, unsubscribed after, so an instance
 * only hears the rooms it serves. All rooms share one dedicated Redis connection (as LiveKit's router does), on which
 * SUBSCRIBE and UNSUBSCRIBE come and go with the rooms; if the connection breaks, a new one subscribes to every
 * current room again. Publishing goes through a {@link ChannelPublisher} (a pipelined connection of its own).
 *
 * <p>A relayed signal travels in a {@link DeliveryEnvelope}, not as JSON. A traced relay (tracing on,
 * docs/operations.md "Tracing") carries the sender's traceparent, and the receiving instance delivers inside a span
 * that continues the sender's trace.
 */
final class RedisRoomBus implements RoomBus {

    private static final Duration CONFIRM_WITHIN = Duration.ofSeconds(10);
    private static final String PREFIX = SignalingKeys.CHANNEL;
    private static final byte[] MESSAGE = "message".getBytes(StandardCharsets.US_ASCII);

    private final Redis redis;
    private final ChannelPublisher publisher;
    private final ObjectMapper mapper;
    private final ObjectWriter busWriter;
    private final ObjectWriter signalWriter;
    private volatile BiConsumer<String, BusMessage> onMessage = (roomId, message) -> { };
    private final Traces traces;
    /** Room → completes when Redis confirmed the subscription. */
    private final Map<String, CompletableFuture<Void>> subscriptions = new ConcurrentHashMap<>();
    private volatile Uni<RedisConnection> connection;
    /** Where every SUBSCRIBE and UNSUBSCRIBE is issued from ({@link #issue}). */
    private final Context commands;
    private volatile boolean stopped;

    RedisRoomBus(ReactiveRedisDataSource redis, ObjectMapper mapper, Traces traces, Vertx vertx) {
        this.traces = traces;
        this.commands = vertx.getOrCreateContext();
        this.redis = redis.getRedis();
        this.publisher = new ChannelPublisher(this.redis);
        this.mapper = mapper;
        this.busWriter = mapper.writer();
        this.signalWriter = mapper.writerFor(ServerSignal.class);
    }

    @Override
    public void listen(BiConsumer<String, BusMessage> listener) {
        this.onMessage = listener;
    }

    /** Subscribes to the room's channel unless already subscribed; completes once Redis confirmed it. */
    @Override
    public Uni<Void> subscribe(String roomId) {
        boolean[] created = new boolean[1];
        CompletableFuture<Void> confirmed = subscriptions.computeIfAbsent(roomId, r -> {
            created[0] = true;
            return new CompletableFuture<>();
        });
        if (created[0]) {
            // After the entry is in the map, where the confirmation looks for it (issued inside computeIfAbsent, the
            // confirmation could arrive first and find nothing). An UNSUBSCRIBE decided before the entry was made
            // was issued before this, inside unsubscribeIf's compute.
            issue(Command.SUBSCRIBE, roomId, confirmed::completeExceptionally);
        }
        return Uni.createFrom().completionStage(confirmed)
                .ifNoItem().after(CONFIRM_WITHIN).failWith(() -> new IllegalStateException(
                        "Redis did not confirm the subscription to room " + roomId))
                .onFailure().invoke(e -> subscriptions.remove(roomId, confirmed));
    }

    @Override
    public void unsubscribeIf(String roomId, Predicate<String> idle) {
        subscriptions.computeIfPresent(roomId, (r, confirmed) -> {
            if (!idle.test(r)) {
                return confirmed;
            }
            issue(Command.UNSUBSCRIBE, r, e -> Log.debugf("unsubscribing from room %s failed: %s", r,
                    e.getMessage()));
            return null;
        });
    }

    /**
     * Sends SUBSCRIBE or UNSUBSCRIBE for a room on the subscriber connection, from {@link #commands}. The Vert.x
     * client writes a command at once when it is issued on the connection's own event loop and queues it when issued
     * on another, so commands issued on different threads could reach Redis in another order than they were
     * decided: a room left on one loop and joined again on the connection's loop got its SUBSCRIBE first, then the
     * UNSUBSCRIBE, and was never heard again ({@code RoomSubscriptionOrderTest}). Issued from one context, in the
     * order they were decided, they reach Redis in that order.
     */
    private void issue(Command command, String roomId, Consumer<Throwable> failed) {
        commands.runOnContext(v -> connection().chain(c -> c.send(Request.cmd(command).arg(PREFIX + roomId)))
                .subscribe().with(ok -> { }, failed));
    }

    @Override
    public Uni<Void> publish(String roomId, BusMessage message) {
        return JsonThen.write(busWriter, message, json -> publisher.publish(SignalingKeys.channel(roomId), json));
    }

    /**
     * Publishes the signal for its addressee if it has a presence entry in the room (one Redis round trip): a
     * participant of another room is never found, never reached. Completes with whether it had one.
     */
    @Override
    public Future<Boolean> relay(String roomId, Relayed stamped) {
        // Serialized once, here; the instance holding the addressee's socket forwards this text as it is. Written
        // out rather than through JsonThen: this is the relay's hot path, and the step lambda would be one more
        // capturing allocation per signal.
        String json;
        try {
            json = signalWriter.writeValueAsString(stamped);
        } catch (JsonProcessingException e) {
            return Future.failedFuture(e);
        }
        String to = stamped.to();
        String envelope = DeliveryEnvelope.write(to, json);
        if (traces.enabled()) {
            // The relay's span is current here (SignalSocket): the addressee's instance continues its trace.
            envelope = DeliveryEnvelope.traced(TraceParent.current(), envelope);
        }
        return publisher.publishIfPresent(SignalingKeys.presence(roomId), to, SignalingKeys.channel(roomId),
                envelope);
    }

    /** Closes the subscriber connection. */
    @Override
    public void stop() {
        stopped = true;
        publisher.stop();
        Uni<RedisConnection> c = connection;
        if (c != null) {
            c.subscribe().with(RedisConnection::closeAndForget, e -> { });
        }
    }

    private synchronized Uni<RedisConnection> connection() {
        if (stopped) {
            // A SUBSCRIBE still queued on the commands context when the bus stopped (a socket joining during the
            // shutdown) would otherwise open a subscriber connection that nothing closes.
            return Uni.createFrom().failure(new IllegalStateException("the room bus is stopped"));
        }
        if (connection == null) {
            connection = redis.connect()
                    // The Vert.x connection's own handler: the Mutiny one wraps every push, and each of its parts
                    // read, in an object of its own.
                    .invoke(c -> c.getDelegate().handler(this::receive))
                    .invoke(c -> c
                            .exceptionHandler(e -> reconnect("failed: " + e.getMessage()))
                            .endHandler(() -> reconnect("closed")))
                    .memoize().indefinitely();
            connection.subscribe().with(c -> { }, e -> reconnect("could not connect: " + e.getMessage()));
        }
        return connection;
    }

    private synchronized void reconnect(String why) {
        connection = null;
        if (stopped) {
            return;
        }
        Log.warnf("signaling subscriber connection %s; subscribing again to %d rooms", why, subscriptions.size());
        Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(500))
                .chain(() -> connection())
                .subscribe().with(c -> subscriptions.keySet().forEach(room -> issue(Command.SUBSCRIBE, room,
                                e -> Log.warnf("resubscribing to room %s failed: %s", room, e.getMessage()))),
                        e -> Log.warnf("signaling subscriber cannot reconnect: %s", e.getMessage()));
    }

    private void receive(Response push) {
        if (push == null || push.size() < 3) {
            return;
        }
        Response kind = push.get(0);
        String channel = push.get(1).toString();
        if (!channel.startsWith(PREFIX)) {
            return;
        }
        String roomId = channel.substring(PREFIX.length());
        if (isMessage(kind)) {
            Response payload = push.get(2);
            if (payload != null && payload.type() == ResponseType.BULK) {
                decode(roomId, payload.toBuffer());
            }
        } else if ("subscribe".equalsIgnoreCase(kind.toString())) {
            CompletableFuture<Void> confirmed = subscriptions.get(roomId);
            if (confirmed != null) {
                confirmed.complete(null);
            }
        }
    }

    /** Whether a push is a published message, read from its bytes (it is on every delivery). */
    private static boolean isMessage(Response kind) {
        if (kind == null || kind.type() != ResponseType.BULK) {
            // Redis sends the kind as a bulk string; anything else is read as text (a simple string has no bytes).
            return kind != null && "message".equalsIgnoreCase(kind.toString());
        }
        Buffer bytes = kind.toBuffer();
        if (bytes == null || bytes.length() != MESSAGE.length) {
            return false;
        }
        for (int i = 0; i < MESSAGE.length; i++) {
            if (bytes.getByte(i) != MESSAGE[i]) {
                return false;
            }
        }
        return true;
    }

    private void decode(String roomId, Buffer message) {
        byte first = message.length() == 0 ? 0 : message.getByte(0);
        if (first == DeliveryEnvelope.TRACED) {
            deliverTraced(roomId, message);
            return;
        }
        if (first == DeliveryEnvelope.DELIVER) {
            BusMessage.Deliver d = DeliveryEnvelope.read(message, 0);
            if (d == null) {
                Log.warnf("ignored an unreadable delivery on the channel of room %s", roomId);
            } else {
                onMessage.accept(roomId, d);
            }
            return;
        }
        BusMessage decoded;
        try {
            decoded = mapper.readValue(message.getBytes(), BusMessage.class);
        } catch (IOException e) {
            Log.warnf("ignored an unreadable message on the channel of room %s: %s", roomId,
                    e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
            return;
        }
        onMessage.accept(roomId, decoded);
    }

    /** A traced delivery: delivered inside a span whose parent is the sending instance's relay span. */
    private void deliverTraced(String roomId, Buffer message) {
        BusMessage.Deliver d = DeliveryEnvelope.read(message, DeliveryEnvelope.TRACED_START);
        if (d == null) {
            Log.warnf("ignored an unreadable traced delivery on the channel of room %s", roomId);
            return;
        }
        String traceparent = message.getString(1, DeliveryEnvelope.TRACED_START, "US-ASCII");
        Span span = traces.start("signal deliver", SpanKind.CONSUMER, traceparent, roomId, d.to());
        try {
            onMessage.accept(roomId, d);
        } finally {
            Traces.end(span, null);
        }
    }
}
