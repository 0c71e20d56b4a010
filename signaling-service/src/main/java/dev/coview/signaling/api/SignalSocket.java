package dev.coview.signaling.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.coview.contracts.events.ShareStopped;
import dev.coview.contracts.signal.Bye;
import dev.coview.contracts.signal.ClientSignal;
import dev.coview.contracts.signal.Relayed;
import dev.coview.contracts.signal.ServerSignal;
import dev.coview.contracts.signal.Share;
import dev.coview.contracts.signal.SignalError;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.contracts.ws.ErrorCodes;
import dev.coview.signaling.config.SignalingConfig;
import dev.coview.signaling.events.SignalEvents;
import dev.coview.signaling.metrics.SignalMetrics;
import dev.coview.signaling.routing.Departure;
import dev.coview.signaling.routing.Member;
import dev.coview.signaling.routing.SignalRouter;
import dev.coview.support.auth.Participant;
import dev.coview.support.logging.LogBudget;
import dev.coview.support.logging.RoomLogContext;
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
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * {@code /ws/signal}: WebRTC signaling. The upgrade has been checked by socket-support's {@link UpgradeGuard}
 * (Origin, token, ended room); this endpoint joins the socket to its room, applies the flood guard and the grants to
 * every message, and hands relays to the {@link SignalRouter}. Messages of one socket are handled in order, one at a
 * time, so an offer always precedes its candidates: they come straight from the Vert.x socket through
 * {@link DirectInbound}, or, with tracing on, through websockets-next's default serial inbound processing.
 */
@Authenticated
@WebSocket(path = "/ws/signal")
public class SignalSocket {

    static final UserData.TypedKey<SignalSession> SESSION = new UserData.TypedKey<>("coview.signal-session");
    /** The session's receiver for the inbound gate: made once per socket, not per message (the relay's hot path). */
    private static final UserData.TypedKey<Inbound> INBOUND = new UserData.TypedKey<>("coview.signal-inbound");
    /** Completed, and reusable (a {@link Uni} is a recipe, each subscriber gets its own item): one less per message. */
    private static final Uni<Void> DONE = Uni.createFrom().voidItem();

    private final SignalRouter router;
    private final SignalEvents events;
    private final WebSocketConfig limits;
    private final InboundGate<ClientSignal> gate;
    private final ObjectWriter writer;
    private final SocketMetrics sockets;
    private final SignalMetrics metrics;
    private final TokenExpiry expiry;
    private final Traces traces;
    /** A stalled Redis fails every relay at the rate they come: one warning a second says so, with the count. */
    private final LogBudget relayFailures = new LogBudget(Duration.ofSeconds(1));

    @Inject
    public SignalSocket(SignalRouter router, SignalEvents events, WebSocketConfig limits, SignalingConfig config,
                        ObjectMapper mapper, SocketMetrics sockets, SignalMetrics metrics, TokenExpiry expiry,
                        Traces traces) {
        this.traces = traces;
        this.expiry = expiry;
        this.router = router;
        this.events = events;
        this.limits = limits;
        this.sockets = sockets;
        this.metrics = metrics;
        this.gate = new InboundGate<>(mapper, ClientSignal.class, config.maxMessageSize());
        this.writer = mapper.writerFor(ServerSignal.class);
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        Participant participant = connection.userData().get(UpgradeGuard.PARTICIPANT);
        if (participant == null) {
            // Only reachable if the upgrade guard did not run: never serve a socket without a participant.
            return connection.close(new CloseReason(CloseCodes.UNAUTHORIZED, "no verified token"));
        }
        ConnectionSocket socket = new ConnectionSocket(connection, writer);
        Member member = new Member(participant, socket);
        SignalSession session = new SignalSession(member, socket, new FloodGuard(limits));
        connection.userData().put(SESSION, session);
        connection.userData().put(INBOUND, new Inbound(connection, session));
        // Tracing keeps websockets-next's path: spans live in the duplicated context it makes per message.
        DirectInbound direct = traces.enabled() ? null : DirectInbound.install(connection, DONE,
                text -> message(connection, text), e -> failed(connection, e).subscribe().with(ok -> { }, f -> { }));
        sockets.opened(participant.role());
        expiry.watch(connection, () -> socket.close(CloseCodes.UNAUTHORIZED, "token expired"));
        putMdc(member);
        try {
            Uni<Void> joined = join(connection, session, member, participant);
            return direct == null ? joined : direct.after(joined);
        } finally {
            clearMdc();
        }
    }

    private Uni<Void> join(WebSocketConnection connection, SignalSession session, Member member,
                           Participant participant) {
        ConnectionSocket socket = session.socket();
        // Tracing on: the join that issued the token (or the upgrade's traceparent) → this socket's join.
        Span span = traces.start("signal socket open", SpanKind.SERVER,
                connection.userData().get(UpgradeGuard.TRACE_PARENT), member.roomId(), member.id());
        // participant.connected is published just before the welcome goes out: once the client has its welcome it
        // may share at once, and the event must come first in the room's partition.
        return Traces.within(span, () -> router.join(member, resumed -> RoomLogContext.run(participant, () -> {
                    Log.debugf("joined (resumed: %s)", resumed);
                    // A client in a reconnect loop may close a socket before its join completed: such a socket
                    // is announced neither as connected nor as disconnected.
                    if (session.joined()) {
                        Traces.run(span, () -> events.connected(member.roomId(), member.id(),
                                participant.role().claimValue(), resumed));
                    }
                })))
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    RoomLogContext.run(participant, () -> Log.warnf("could not join room %s: %s", member.roomId(),
                            e.getMessage()));
                    socket.close(CloseCodes.INTERNAL_ERROR, "signaling unavailable, retry");
                    return Uni.createFrom().voidItem();
                })
                .eventually(() -> Traces.end(span, null));
    }

    @OnTextMessage
    public Uni<Void> message(WebSocketConnection connection, String text) {
        SignalSession session = connection.userData().get(SESSION);
        if (session == null || session.socket().closing()) {
            return Uni.createFrom().voidItem();
        }
        long now = System.nanoTime();
        session.heard(now);
        FloodGuard.Verdict verdict = session.flood().check(now);
        if (verdict == FloodGuard.Verdict.ACCEPT) {
            // No MDC here: nothing on this synchronous path logs (what does, later or on failure, names the room
            // itself through RoomLogContext.run), and on websockets-next's path (tracing on) every message has a
            // fresh context, on which putting the room into the MDC creates a map: an allocation per message.
            return gate.pass(verdict, text, connection.userData().get(INBOUND));
        }
        // A refused frame: the gate logs a flood, and that line names the room.
        putMdc(session.member());
        try {
            return gate.pass(verdict, text, connection.userData().get(INBOUND));
        } finally {
            clearMdc();
        }
    }

    private Uni<Void> handle(SignalSession session, ClientSignal message, long received) {
        Member member = session.member();
        var grant = MessagePolicy.requiredGrant(message);
        if (grant.isPresent() && !member.participant().can(grant.get())) {
            return error(session, ErrorCodes.FORBIDDEN, "this token may not send " + typeOf(message));
        }
        if (message instanceof Relayed relayed) {
            // The addressee's socket is here (both peers on this instance, untraced): delivered at once, and nothing
            // is allocated to wait for an answer that is already known.
            if (!traces.enabled() && router.deliverHere(member, relayed)) {
                metrics.relayed(received);
                return DONE;
            }
            // Not awaited: websockets-next hands a socket its messages one at a time, so awaiting Redis's answer put
            // a round trip (and two thread hops) between any two signals of a peer, and a slow answer delayed every
            // signal queued behind it. Order is kept without it: the commands leave in the order the signals came,
            // on one pipelined connection. The outcome is reported to the socket when it is known.
            // Tracing on: each relay is a trace of its own, continued by the addressee's instance (RoomChannels).
            Span span = traces.start("signal relay", SpanKind.SERVER, null, member.roomId(), member.id());
            // Tracing off (span null): no lambda, nothing allocated for tracing on this path.
            Future<Boolean> sent = span == null ? router.relay(member, relayed)
                    : Traces.within(span, () -> router.relay(member, relayed));
            sent.onComplete(outcome -> {
                if (outcome.succeeded()) {
                    Traces.end(span, null);
                    if (outcome.result()) {
                        metrics.relayed(received);
                    } else {
                        error(session, ErrorCodes.UNKNOWN_PEER, "no participant " + relayed.to() + " in this room");
                    }
                    return;
                }
                Throwable e = outcome.cause();
                Traces.end(span, e);
                metrics.relayFailed(SignalRouter.fellBehind(e));
                long unlogged = relayFailures.take(System.nanoTime());
                if (unlogged >= 0) {
                    RoomLogContext.run(member.participant(), () -> Log.warnf(
                            "relay in room %s failed: %s (%d more relays failed since the last such line)",
                            member.roomId(), e.getMessage(), unlogged));
                }
                error(session, ErrorCodes.UNAVAILABLE, "signaling unavailable, retry");
            });
            return done();
        }
        if (message instanceof Share share) {
            return router.share(member, share).invoke(changed -> {
                if (changed && share.active()) {
                    events.shareStarted(member.roomId(), member.id(), member.participant().role().claimValue());
                } else if (changed) {
                    events.shareStopped(member.roomId(), member.id(), member.participant().role().claimValue(),
                            ShareStopped.STOPPED);
                }
            }).replaceWithVoid();
        }
        if (message instanceof Bye) {
            session.bye();
            session.socket().close(CloseReason.NORMAL.getCode(), "bye");
            return done();
        }
        return error(session, ErrorCodes.UNKNOWN_TYPE, "unsupported type: " + typeOf(message));
    }

    /**
     * Every failure of the socket goes to {@link InboundGate#failed}: a message over {@code max-message-size} closes
     * with 1009, a single frame over it was closed with 1009 by netty already (a line in the log), anything else
     * closes with 1011. Left to websockets-next, a client's oversized frame was logged as an ERROR with its stack.
     */
    @OnError
    public Uni<Void> failed(WebSocketConnection connection, Throwable e) {
        return gate.failed(e, new Inbound(connection, connection.userData().get(SESSION)));
    }

    @OnPongMessage
    public void pong(WebSocketConnection connection, Buffer data) {
        SignalSession session = connection.userData().get(SESSION);
        if (session != null) {
            session.heard(System.nanoTime());
        }
    }

    @OnClose
    public Uni<Void> closed(WebSocketConnection connection) {
        expiry.forget(connection);
        SignalSession session = connection.userData().get(SESSION);
        if (session == null) {
            return done();
        }
        Member member = session.member();
        Departure why = session.departure();
        sockets.closed(member.participant().role());
        putMdc(member);
        try {
            Log.debugf("socket closed: %s", why);
            if (session.closedAfterJoining()) {
                events.disconnected(member.roomId(), member.id(), member.participant().role().claimValue(),
                        why.eventReason(), !why.isFinal());
            }
            return router.leave(member, why)
                    .onFailure().recoverWithUni(e -> {
                        RoomLogContext.run(member.participant(), () -> Log.warnf("leaving room %s failed: %s",
                                member.roomId(), e.getMessage()));
                        return done();
                    });
        } finally {
            clearMdc();
        }
    }

    private static Uni<Void> error(SignalSession session, String code, String message) {
        session.socket().send(new SignalError(code, message));
        return done();
    }

    private static Uni<Void> done() {
        return DONE;
    }

    private static String typeOf(ClientSignal message) {
        return message.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static void putMdc(Member member) {
        RoomLogContext.enter(member.roomId(), member.id());
    }

    private static void clearMdc() {
        RoomLogContext.leave();
    }

    /**
     * Where the gate hands one frame of a session, and how it answers a refused one. Without a session (a failure
     * before the socket opened) it can only close the connection.
     */
    private final class Inbound implements InboundGate.Receiver<ClientSignal> {
        private final WebSocketConnection connection;
        private final SignalSession session;

        Inbound(WebSocketConnection connection, SignalSession session) {
            this.connection = connection;
            this.session = session;
        }

        @Override
        public Uni<Void> accept(ClientSignal message) {
            // message() stamped the session with this frame's arrival just before the gate passed it.
            Uni<Void> handled = handle(session, message, session.lastHeardNanos());
            // Relays and byes are done when handle returns: no recovery to attach (every Mutiny operator built here
            // captures the thread's contexts, the largest allocation per relayed message before).
            return handled == DONE ? DONE : handled
                    .onFailure().recoverWithUni(e -> {
                        RoomLogContext.run(session.member().participant(),
                                () -> Log.warnf("message failed: %s", e.getMessage()));
                        return SignalSocket.error(session, ErrorCodes.UNAVAILABLE, "signaling unavailable, retry");
                    });
        }

        @Override
        public Uni<Void> error(String code, String message) {
            return session == null ? done() : SignalSocket.error(session, code, message);
        }

        @Override
        public Uni<Void> close(int code, String reason) {
            if (session == null) {
                return connection.close(new CloseReason(code, reason));
            }
            session.socket().close(code, reason);
            return done();
        }
    }
}
