package dev.coview.annotation.rooms;

import dev.coview.contracts.annotation.AnnotationServerMessage.Event;
import dev.coview.contracts.annotation.AnnotationServerMessage.PendingReference;
import dev.coview.contracts.annotation.AnnotationServerMessage.State;
import dev.coview.support.ws.FrameWriter;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A room on this instance: its materialized state and the sockets connected here. One monitor guards both, so a
 * joining socket gets the state and then exactly the events after it: an event is either in the state it is sent
 * or sent to it afterwards, never both, never neither.
 */
public final class Room {

    private final String id;
    private final RoomState state;
    private final List<WebSocketConnection> sockets = new ArrayList<>();
    /** The participant of each socket, by index in {@link #sockets}: who not to echo a pointer move to. */
    private final List<String> participants = new ArrayList<>();
    private boolean ended;
    /** One handler for every write of the room: nothing is allocated per frame to report a rare failure. */
    private final Handler<Throwable> dropped;

    Room(String id, RoomState.Limits limits) {
        this.id = id;
        this.state = new RoomState(limits);
        this.dropped = failure -> Log.debugf("dropped a frame to a socket of room %s: %s", id, failure.getMessage());
    }

    public String id() {
        return id;
    }

    /**
     * Registers a socket and sends it the state, as one step under the room's monitor. Call on the socket's own
     * event loop: its later events are written after the state that way.
     *
     * @param participantId the socket's participant (from its token)
     * @param render        turns the state into the frame to send (serialized once, here)
     * @return {@code false} when the room has ended
     */
    public synchronized boolean join(WebSocketConnection socket, String participantId,
                                     Function<State, String> render) {
        if (ended) {
            return false;
        }
        sockets.add(socket);
        participants.add(participantId);
        send(socket, render.apply(state.snapshot()));
        return true;
    }

    /** Whether a socket of this room is connected here (the active-rooms gauge). */
    public synchronized boolean hasSockets() {
        return !sockets.isEmpty();
    }

    public synchronized void leave(WebSocketConnection socket) {
        int at = sockets.indexOf(socket);
        if (at >= 0) {
            sockets.remove(at);
            participants.remove(at);
        }
    }

    /**
     * Applies a durable event from the log and sends it to this room's sockets here.
     *
     * @param render serializes the applied event (with its seq and changes) once for every socket
     * @return whether the event was new (not a redelivery)
     */
    synchronized boolean apply(Event event, Function<Event, String> render) {
        RoomState.Applied applied = state.apply(event);
        if (applied == null) {
            return false;
        }
        if (!sockets.isEmpty()) {
            String frame = render.apply(event.sequenced(applied.seq(), applied.changes()));
            for (int i = 0; i < sockets.size(); i++) {
                send(sockets.get(i), frame);
            }
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
        for (int i = 0; i < sockets.size(); i++) {
            if (authorId == null || !authorId.equals(participants.get(i))) {
                send(sockets.get(i), frame);
            }
        }
    }

    /** The room has ended: refuse new sockets and hand back the open ones to be closed. */
    synchronized List<WebSocketConnection> end() {
        ended = true;
        List<WebSocketConnection> open = List.copyOf(sockets);
        sockets.clear();
        participants.clear();
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

    /** Whether the customer consented to a recording not started yet, as materialized here. */
    public synchronized boolean recordingConsented() {
        return state.recordingConsented();
    }

    public synchronized int socketCount() {
        return sockets.size();
    }

    private void send(WebSocketConnection socket, String frame) {
        // Written at once, under the monitor: the write order is the room's order.
        FrameWriter.sendText(socket, frame).onFailure(dropped);
    }
}
