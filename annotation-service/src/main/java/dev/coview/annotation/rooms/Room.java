package dev.coview.annotation.rooms;

import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.RoomEvent;
import dev.coview.contracts.annotation.PendingReference;
import dev.coview.contracts.annotation.Shape;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.contracts.ws.ErrorCodes;
import dev.coview.support.ws.FloodGuard;
import dev.coview.support.ws.TokenBucket;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Handler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * A room on this instance: its materialized state and the sockets connected here. One monitor guards both, so a
 * joining socket gets the state and then exactly the events after it: an event is either in the state it is sent
 * or sent to it afterwards, never both, never neither. A participant has one socket: a newer one replaces the
 * older ({@link CloseCodes#REPLACED}). Budgets a client could otherwise dodge by opening more sockets live here:
 * messages per participant and per room, and what the state may grow by ({@link #admit}).
 */
public final class Room {

    private final String id;
    private final RoomModel state;
    private final Budgets budgets;
    private final List<RoomSocket> sockets = new ArrayList<>();
    private boolean ended;
    /** One handler for every write of the room: nothing is allocated per frame to report a rare failure. */
    private final Handler<Throwable> dropped;
    /** Growth accepted on this instance and not yet read back from the log, by event id (see {@link #admit}). */
    private final Map<String, Cost> reservations = new HashMap<>();
    private Cost reserved = Cost.NONE;
    /** Told how many bytes the state grew by: the instance's total ({@link Rooms#overBudget()}). */
    private final LongConsumer grew;
    /** Per participant, across their sockets and reconnects here: a new socket does not bring a fresh budget. */
    private final Map<String, FloodGuard> participantBudgets = new ConcurrentHashMap<>();
    private final TokenBucket roomBudget;

    /**
     * Message budgets and the slow-consumer grace.
     *
     * @param messagesPerSecond one participant's sustained rate; {@code burst} and {@code floodLimit} as per socket
     * @param roomPerSecond     everybody's in the room together, with {@code roomBurst}
     * @param slowGraceNanos    how long a socket's write queue may stay full before it is closed
     */
    record Budgets(int messagesPerSecond, int burst, int floodLimit, int roomPerSecond, int roomBurst,
                   long slowGraceNanos) {
    }

    Room(String id, RoomModel.Limits limits, Budgets budgets, LongConsumer grew) {
        this.id = id;
        this.state = new RoomModel(limits);
        this.budgets = budgets;
        this.grew = grew;
        this.roomBudget = new TokenBucket(budgets.roomBurst(), budgets.roomPerSecond());
        this.dropped = failure -> Log.debugf("dropped a frame to a socket of room %s: %s", id, failure.getMessage());
    }

    public String id() {
        return id;
    }

    /**
     * Registers a socket and sends it the state, as one step under the room's monitor; closes the participant's
     * older socket here. Call on the socket's own event loop: its later events are written after the state that way.
     *
     * @param participantId the socket's participant (from its token)
     * @param json          renders a value as JSON (the state, in frames of about {@code frameChars} each)
     * @return {@code false} when the room has ended
     */
    public synchronized boolean join(WebSocketConnection socket, String participantId, int frameChars,
                                     Function<Object, String> json) {
        if (ended) {
            return false;
        }
        long joinedAt = System.currentTimeMillis();
        replace(participantId, socket.id(), joinedAt);
        RoomSocket joined = new RoomSocket(socket, participantId, joinedAt, dropped);
        sockets.add(joined);
        long now = System.nanoTime();
        for (String frame : StateFrames.of(state.snapshot(), frameChars, json)) {
            joined.write(frame, now, Long.MAX_VALUE);
        }
        return true;
    }

    /** Whether a socket of this room is connected here (the active-rooms gauge). */
    public synchronized boolean hasSockets() {
        return !sockets.isEmpty();
    }

    /**
     * Closes the participant's sockets here that joined no later than {@code keepSocketId} did (a newer socket, here
     * or on another instance): an announcement that arrives late never closes a socket newer than its own.
     */
    /** The agent removed the participant: their sockets here close with 4003. */
    public synchronized void remove(String participantId) {
        sockets.removeIf(s -> {
            if (s.participantId.equals(participantId)) {
                s.close(CloseCodes.REMOVED, "removed from the room");
                return true;
            }
            return false;
        });
    }

    public synchronized void replace(String participantId, String keepSocketId, long keptJoinedAt) {
        sockets.removeIf(s -> {
            if (s.participantId.equals(participantId) && !s.connection.id().equals(keepSocketId)
                    && s.joinedAt <= keptJoinedAt) {
                s.close(CloseCodes.REPLACED, "replaced by a newer connection");
                return true;
            }
            return false;
        });
    }

    /**
     * Judges one inbound message against the participant's budget (the same rate, burst and strikes as a socket's,
     * kept across their sockets here) and the room's. Over the room's, the message is dropped but nobody is closed:
     * the others' traffic is not this sender's flood.
     */
    public FloodGuard.Verdict budget(String participantId, long nowNanos) {
        FloodGuard.Verdict verdict = participantBudgets.computeIfAbsent(participantId,
                p -> new FloodGuard(budgets.messagesPerSecond(), budgets.burst(), budgets.floodLimit()))
                .check(nowNanos);
        if (verdict == FloodGuard.Verdict.ACCEPT && !roomBudget.tryTake(nowNanos)) {
            return FloodGuard.Verdict.DROP;
        }
        return verdict;
    }

    /**
     * Decides, before an event goes to the log, whether the room can take what it adds, counting what this instance
     * accepted and has not read back yet; if so, reserves it until {@link #apply} or {@link #release}. Nothing the
     * room's budget would refuse is written to the log (an event accepted on another instance at the same moment
     * can still be refused by the materializer, the same way on every instance).
     *
     * @param instanceFull whether this instance holds all the state it may
     * @return {@code null} when accepted, else the error code ({@code room-full}, {@code service-full})
     */
    public synchronized String admit(String eventId, AnnotationClientMessage message, boolean instanceFull) {
        Cost cost = Cost.of(message, message instanceof Shape s && !state.has(s.id()));
        if (cost.isNone()) {
            return null;
        }
        if (instanceFull) {
            return ErrorCodes.SERVICE_FULL;
        }
        if (ended || !state.fits(cost, reserved)) {
            return ErrorCodes.ROOM_FULL;
        }
        reservations.put(eventId, cost);
        reserved = reserved.plus(cost);
        return null;
    }

    /** Gives back what {@link #admit} reserved for an event that did not reach the log. */
    public synchronized void release(String eventId) {
        Cost cost = reservations.remove(eventId);
        if (cost != null) {
            reserved = reserved.minus(cost);
        }
    }

    public synchronized void leave(WebSocketConnection socket) {
        sockets.removeIf(s -> s.connection == socket);
    }

    /**
     * Applies a durable event from the log and sends it to this room's sockets here.
     *
     * @param change what the event does to the room's model (its type's rule)
     * @param render serializes the applied event (with its seq and changes) once for every socket
     * @return whether the event was new (not a redelivery)
     */
    synchronized boolean apply(RoomEvent event, StateChange change, Function<RoomEvent, String> render) {
        release(event.eventId());
        long before = state.bytes();
        RoomModel.Applied applied = state.apply(event, change);
        if (applied == null) {
            return false;
        }
        if (state.bytes() != before) {
            grew.accept(state.bytes() - before);
        }
        if (!sockets.isEmpty()) {
            String frame = render.apply(event.sequenced(applied.seq(), applied.changes()));
            writeAll(null, frame);
        }
        return true;
    }

    /**
     * Relays a pointer frame as it came from the log (pointer traffic is never parsed here, never state) to every
     * socket of the room but its author's: a client draws its own pointer where its mouse is, and an echo would
     * cost a third of the writes of a session with an observer, half of a two-party one.
     *
     * @param authorId the participant who moved the pointer ({@code null}: send to every socket)
     */
    synchronized void relay(String authorId, String frame) {
        writeAll(authorId, frame);
    }

    /** Writes to every socket but {@code exceptParticipant}'s; forgets those closed as too slow. No allocation. */
    private void writeAll(String exceptParticipant, String frame) {
        long now = System.nanoTime();
        int i = 0;
        while (i < sockets.size()) {
            RoomSocket s = sockets.get(i);
            if (exceptParticipant != null && exceptParticipant.equals(s.participantId)
                    || s.write(frame, now, budgets.slowGraceNanos())) {
                i++;
            } else {
                sockets.remove(i);
            }
        }
    }

    /** The room has ended: refuse new sockets and hand back the open ones to be closed. */
    synchronized List<WebSocketConnection> end() {
        ended = true;
        grew.accept(-state.bytes());
        List<WebSocketConnection> open = sockets.stream().map(s -> s.connection).toList();
        sockets.clear();
        return open;
    }

    public synchronized long seq() {
        return state.seq();
    }

    /** Author of an element in the state as materialized here, {@code null} if there is none. */
    public synchronized String authorOf(String elementId) {
        return state.authorOf(elementId);
    }

    /** The link awaiting the customer's answer, as materialized here. */
    public synchronized PendingReference pendingReference() {
        return state.reference();
    }

    /** The agent's recording request awaiting the customer's answer (its requestId), as materialized here. */
    public synchronized String recordingAsked() {
        return state.recordingAsked();
    }

    /** The id of the recording {@code participantId} runs, as materialized here; {@code null} when none. */
    public synchronized String recordingBy(String participantId) {
        var running = state.recording();
        return running != null && running.authorId().equals(participantId) ? running.recordingId() : null;
    }

    /** Whether the customer consented to a recording not started yet, as materialized here. */
    public synchronized boolean recordingConsented() {
        return state.recordingConsented();
    }

    public synchronized int socketCount() {
        return sockets.size();
    }
}
