package dev.coview.annotation.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.annotation.config.AnnotationConfig;
import dev.coview.annotation.messaging.CatchUp;
import dev.coview.annotation.messaging.EventIds;
import dev.coview.annotation.messaging.EventLog;
import dev.coview.annotation.messaging.OrphanedRecordings;
import dev.coview.annotation.messaging.RecordingConsents;
import dev.coview.annotation.messaging.SessionEvents;
import dev.coview.annotation.messaging.SocketTakeovers;
import dev.coview.annotation.pointers.PointerMoveReader;
import dev.coview.annotation.pointers.PointerPublisher;
import dev.coview.annotation.rooms.Room;
import dev.coview.annotation.rooms.Rooms;
import dev.coview.annotation.rules.Checks;
import dev.coview.annotation.rules.MessageRules;
import dev.coview.annotation.rules.Permissions;
import dev.coview.annotation.rules.Refusal;
import dev.coview.annotation.rules.Ruling;
import dev.coview.annotation.rules.SessionEvent;
import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.AnnotationError;
import dev.coview.contracts.annotation.RoomEvent;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.contracts.ws.ErrorCodes;
import dev.coview.support.auth.Participant;
import dev.coview.support.logging.RoomLogContext;
import dev.coview.support.tracing.TraceParent;
import dev.coview.support.tracing.Traces;
import dev.coview.support.ws.DirectInbound;
import dev.coview.support.ws.FloodGuard;
import dev.coview.support.ws.InboundGate;
import dev.coview.support.ws.SocketMetrics;
import dev.coview.support.ws.TokenExpiry;
import dev.coview.support.ws.UpgradeGuard;
import dev.coview.support.ws.WebSocketConfig;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.logging.Log;
import io.quarkus.security.Authenticated;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;

/**
 * {@code /ws/annotations}: a participant's pointer, drawings, crop, masks, freeze and references. The handshake was
 * checked by {@link UpgradeGuard} (Origin, token, ended room). Each accepted message is stamped and appended to
 * Kafka; it reaches every socket of the room (this one included) when the materializer reads it back, so all
 * instances send the same events in the same order. Pointer traffic goes to {@code coview.pointers} through
 * {@link PointerPublisher} and comes back through {@code PointerRelay}: the same way round, without the log, to
 * every socket but its author's. Pointer moves in the web client's form are read without Jackson
 * ({@link PointerMoveReader}).
 */
@WebSocket(path = "/ws/annotations")
@Authenticated
public class AnnotationSocket {

    private static final UserData.TypedKey<Inbound> INBOUND = new UserData.TypedKey<>("coview.inbound");
    /** Handled, nothing to wait for: one instance for every message (a {@code Uni} can be subscribed many times). */
    private static final Uni<Void> DONE = Uni.createFrom().voidItem();

    private final Rooms rooms;
    private final CatchUp catchUp;
    private final EventLog log;
    private final PointerPublisher pointers;
    private final EventIds eventIds;
    private final Checks checks;
    private final SessionEvents sessionEvents;
    private final WebSocketConfig limits;
    private final InboundGate<AnnotationClientMessage> gate;
    private final SocketMetrics sockets;
    private final SocketTakeovers takeovers;
    private final TokenExpiry expiry;
    @Inject
    Traces traces;
    /** The customer's answer to a recording request, for room-service (before the log, see RecordingConsents). */
    @Inject
    RecordingConsents consents;
    /** Ends the recording of an agent whose page went away without saying so (OrphanedRecordings). */
    @Inject
    OrphanedRecordings orphans;

    @Inject
    public AnnotationSocket(Rooms rooms, CatchUp catchUp, EventLog log, PointerPublisher pointers, EventIds eventIds,
                            Checks checks, SessionEvents sessionEvents, WebSocketConfig limits,
                            AnnotationConfig config, ObjectMapper mapper, SocketMetrics sockets,
                            SocketTakeovers takeovers, TokenExpiry expiry) {
        this.sockets = sockets;
        this.rooms = rooms;
        this.catchUp = catchUp;
        this.log = log;
        this.pointers = pointers;
        this.eventIds = eventIds;
        this.checks = checks;
        this.sessionEvents = sessionEvents;
        this.limits = limits;
        // Pointer moves in the web client's form are read without Jackson: the commonest frame by far.
        this.gate = new InboundGate<>(mapper, AnnotationClientMessage.class, config.maxMessageSize(),
                PointerMoveReader::read);
        this.takeovers = takeovers;
        this.expiry = expiry;
    }

    /** Sends the room's state first; waits (without blocking) until this instance's state is current. */
    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) {
        Participant who = participant(connection);
        RoomLogContext.enter(who);
        try {
            return open(connection, who);
        } finally {
            RoomLogContext.leave();
        }
    }

    private Uni<Void> open(WebSocketConnection connection, Participant who) {
        connection.userData().put(INBOUND, new Inbound(connection, who, new FloodGuard(limits)));
        // Tracing keeps websockets-next's path: spans live in the duplicated context it makes per message.
        DirectInbound direct = traces.enabled() ? null : DirectInbound.install(connection, DONE,
                text -> onMessage(connection, text), e -> onError(connection, e).subscribe().with(ok -> {
                }, f -> {
                }));
        Uni<Void> opened = joinWhenCurrent(connection, who);
        return direct == null ? opened : direct.after(opened);
    }

    private Uni<Void> joinWhenCurrent(WebSocketConnection connection, Participant who) {
        sockets.opened(who.role());
        expiry.watch(connection, () -> connection.close(new CloseReason(CloseCodes.UNAUTHORIZED, "token expired"))
                .subscribe().with(ok -> {
                }, e -> Log.debugf("closing a socket at token expiry: %s", e.getMessage())));
        // Tracing on: the join that issued the token (or the upgrade's traceparent) → this socket's join.
        Span span = traces.start("annotation socket open", SpanKind.SERVER,
                connection.userData().get(UpgradeGuard.TRACE_PARENT), who.roomId(), who.id());
        if (catchUp.isReady()) {
            Traces.run(span, () -> join(connection));
            Traces.end(span, null);
            return Uni.createFrom().voidItem();
        }
        // Join on the socket's own event loop, so that the state is written before any event (see Room#join).
        Context context = Vertx.currentContext();
        return catchUp.ready()
                .emitOn(task -> context.runOnContext(ignored -> task.run()))
                .invoke(() -> RoomLogContext.run(who, () -> Traces.run(span, () -> join(connection))))
                .eventually(() -> Traces.end(span, null));
    }

    private void join(WebSocketConnection connection) {
        if (connection.isClosed()) {
            return; // closed while this instance was catching up: nothing to register
        }
        Participant who = participant(connection);
        if (rooms.join(connection, who.roomId(), who.id())) {
            takeovers.announce(who.roomId(), who.id(), connection.id(), System.currentTimeMillis());
        } else {
            connection.close(new CloseReason(CloseCodes.ROOM_ENDED, "room ended")).subscribe().with(ok -> {
            }, e -> Log.debugf("closing socket of an ended room: %s", e.getMessage()));
        }
    }

    @OnTextMessage
    public Uni<Void> onMessage(WebSocketConnection connection, String text) {
        if (connection.isClosed()) {
            // Frames still buffered behind a close (a flood closed with 1008, a replaced socket) are dropped: each
            // would only ask to close again, which websockets-next logs as a warning, once per frame.
            return DONE;
        }
        RoomLogContext.enter(participant(connection));
        try {
            return handle(connection, text);
        } finally {
            RoomLogContext.leave();
        }
    }

    private Uni<Void> handle(WebSocketConnection connection, String text) {
        long now = System.nanoTime();
        Inbound inbound = connection.userData().get(INBOUND);
        FloodGuard.Verdict verdict = inbound.flood.check(now);
        Room joined = verdict == FloodGuard.Verdict.ACCEPT ? rooms.existing(inbound.who.roomId()) : null;
        if (joined != null) {
            // The participant's and the room's budgets: more sockets or a reconnect bring no fresh one.
            verdict = joined.budget(inbound.who.id(), now);
        }
        return gate.pass(verdict, text, inbound);
    }

    private Uni<Void> accept(WebSocketConnection connection, Participant who, AnnotationClientMessage message) {
        Ruling<?> rules = MessageRules.of(message);
        if (!Permissions.allows(who, message, rules.access())) {
            return error(connection, ErrorCodes.FORBIDDEN, message.type() + " is not allowed for this participant");
        }
        String problem = rules.problem(checks);
        if (problem != null) {
            return error(connection, ErrorCodes.INVALID_MESSAGE, problem);
        }
        Room room = rooms.room(who.roomId());
        if (room == null) {
            return connection.close(new CloseReason(CloseCodes.ROOM_ENDED, "room ended"));
        }
        Refusal refusal = rules.refusal(who, room);
        if (refusal != null) {
            return error(connection, refusal.code(), refusal.message());
        }
        RoomEvent event = new RoomEvent(eventIds.next(), who.roomId(), who.id(), null,
                System.currentTimeMillis(), message, null);
        if (!message.durable()) {
            // Pointer traffic: volatile, straight to coview.pointers from this event loop (never blocks).
            pointers.publish(event);
            return DONE;
        }
        // Decided now, as the room is materialized here (a reference answer names the link pending now).
        SessionEvent sessionEvent = rules.sessionEvent(who, room);
        // The room's budget decides before the log: a refused drawing never reaches Kafka.
        String full = room.admit(event.eventId(), message, rooms.overBudget());
        if (full != null) {
            return error(connection, full, ErrorCodes.ROOM_FULL.equals(full)
                    ? "This room cannot hold more drawings."
                    : "Drawing is paused: the service is at capacity. Try again in a few minutes.");
        }
        // Tracing on: each durable event is a trace of its own, continued by every instance that applies it
        // (the traceparent travels in the Kafka record's headers; AnnotationLogConsumer).
        Span span = traces.start("annotation accept", SpanKind.SERVER, null, who.roomId(), who.id());
        String traceparent = span == null ? null : TraceParent.of(span.getSpanContext());
        // Not awaited: the next frame of this socket is handled at once; the emitter keeps the order of sends
        // (remember() completes at once for every message but a recording request or answer).
        consents.remember(who.roomId(), message).chain(() -> log.append(event, traceparent)).subscribe().with(
                ok -> {
                    if (span == null) {
                        sessionEvents.publish(who.roomId(), sessionEvent);
                    } else {
                        Traces.run(span, () -> sessionEvents.publish(who.roomId(), sessionEvent));
                        Traces.end(span, null);
                    }
                },
                e -> RoomLogContext.run(who, () -> {
                    Traces.end(span, e);
                    room.release(event.eventId());
                    Log.warnf("could not append %s of room %s: %s", message.type(), who.roomId(), e.getMessage());
                    error(connection, ErrorCodes.UNAVAILABLE, "the message could not be stored; retry")
                            .subscribe().with(x -> {
                            }, x -> {
                            });
                }));
        return DONE;
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        expiry.forget(connection);
        Participant who = connection.userData().get(UpgradeGuard.PARTICIPANT);
        if (who == null) {
            return;
        }
        sockets.closed(who.role());
        Room room = rooms.existing(who.roomId());
        if (room != null) {
            RoomLogContext.run(who, () -> {
                room.leave(connection);
                orphans.socketClosed(who, room, connection.closeReason());
            });
        }
    }

    /** An oversized message closes with 1009, anything else with 1011 ({@link InboundGate#failed}). */
    @OnError
    public Uni<Void> onError(WebSocketConnection connection, Throwable failure) {
        Inbound inbound = connection.userData().get(INBOUND);
        Participant who = participant(connection);
        if (inbound == null) {
            inbound = new Inbound(connection, who, null);
        }
        RoomLogContext.enter(who);
        try {
            return gate.failed(failure, inbound);
        } finally {
            RoomLogContext.leave();
        }
    }

    private Uni<Void> error(WebSocketConnection connection, String code, String message) {
        return connection.sendText(rooms.render(new AnnotationError(code, message)));
    }

    private static Participant participant(WebSocketConnection connection) {
        return connection.userData().get(UpgradeGuard.PARTICIPANT);
    }

    /** One socket's inbound side: its flood guard, and where the gate hands its frames and answers. */
    private final class Inbound implements InboundGate.Receiver<AnnotationClientMessage> {
        private final WebSocketConnection connection;
        private final Participant who;
        private final FloodGuard flood;

        Inbound(WebSocketConnection connection, Participant who, FloodGuard flood) {
            this.connection = connection;
            this.who = who;
            this.flood = flood;
        }

        @Override
        public Uni<Void> accept(AnnotationClientMessage message) {
            return AnnotationSocket.this.accept(connection, who, message);
        }

        @Override
        public Uni<Void> error(String code, String message) {
            return AnnotationSocket.this.error(connection, code, message);
        }

        @Override
        public Uni<Void> close(int code, String reason) {
            return connection.close(new CloseReason(code, reason));
        }
    }
}
