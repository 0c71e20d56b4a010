package dev.coview.annotation.rooms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.annotation.config.AnnotationConfig;
import dev.coview.contracts.annotation.AnnotationServerMessage;
import dev.coview.contracts.annotation.RoomEvent;
import dev.coview.support.auth.ParticipantRemovals;
import dev.coview.support.ws.WebSocketConfig;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every live room this instance knows: all rooms in the annotation log that have not ended (each instance
 * materializes the whole log, so any instance can serve any room's late joiner) with the sockets connected here.
 * Ended rooms are never materialized again, a restart's replay of the log included ({@link #forget}). What the rooms
 * hold is counted against the instance's budget ({@link #overBudget()}).
 */
@ApplicationScoped
public class Rooms implements ParticipantRemovals.Listener {

    private final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();
    /** Ended rooms: their events still in flight are not materialized again. */
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final RoomModel.Limits limits;
    private final ObjectMapper mapper;
    /** Estimated bytes of every room's state here ({@link Cost}). */
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;
    private final int frameChars;

    private final Room.Budgets budgets;

    @Inject
    public Rooms(AnnotationConfig config, WebSocketConfig sockets, ObjectMapper mapper) {
        this.budgets = new Room.Budgets(sockets.messagesPerSecond(), sockets.burst(), sockets.floodLimit(),
                config.roomMessagesPerSecond(), config.roomMessageBurst(), config.slowSocketGrace().toNanos());
        this.limits = new RoomModel.Limits(config.undoDepth(), config.dedupeWindow(), config.maxPointsPerStroke(),
                config.maxElementsPerRoom(), config.maxPointsPerRoom(), config.maxStateBytesPerRoom());
        this.maxBytes = config.maxStateBytesPerInstance();
        this.frameChars = config.stateFrameChars();
        this.mapper = mapper;
    }

    /** The room, created empty when this instance has seen nothing of it yet; {@code null} when it has ended. */
    public Room room(String roomId) {
        if (ended.contains(roomId)) {
            return null;
        }
        return rooms.computeIfAbsent(roomId, id -> new Room(id, limits, budgets, bytes::addAndGet));
    }

    /**
     * Registers a socket in its room and sends it the room's state in bounded frames ({@link Room#join}).
     *
     * @return {@code false} when the room has ended
     */
    public boolean join(WebSocketConnection socket, String roomId, String participantId) {
        Room room = room(roomId);
        return room != null && room.join(socket, participantId, frameChars, this::json);
    }

    /** Whether the rooms here hold all the state this instance may: growth is refused until rooms end. */
    public boolean overBudget() {
        return bytes.get() >= maxBytes;
    }

    /** Estimated bytes of every live room's state here. */
    public long stateBytes() {
        return bytes.get();
    }

    /** Whether the room has ended (known here). */
    public boolean hasEnded(String roomId) {
        return ended.contains(roomId);
    }

    /**
     * Remembers rooms that ended before this instance started, before the log is replayed: their events are
     * skipped instead of materialized (a week of the log's rooms would otherwise come back after each restart).
     */
    public void forget(Collection<String> endedRooms) {
        ended.addAll(endedRooms);
    }

    /**
     * The agent removed the participant (room-service announced it on {@code participants-removed}): every socket of
     * theirs on this instance closes at once (4003). Pub/sub is at-most-once: a missed announcement leaves the socket
     * open until it closes by itself; its next upgrade is refused (the removal marker).
     */
    @Override
    public void removed(String roomId, String participantId) {
        Room room = existing(roomId);
        if (room != null) {
            room.remove(participantId);
        }
    }

    /** The room if this instance knows it, without creating it. */
    public Room existing(String roomId) {
        return rooms.get(roomId);
    }

    /**
     * Materializes one durable event read from the log and sends it to the room's sockets here.
     *
     * @param change what the event does to the room's model (its type's rule)
     * @return whether it was applied ({@code false}: a redelivery, or the room has ended)
     */
    public boolean apply(RoomEvent event, StateChange change) {
        Room room = room(event.roomId());
        return room != null && room.apply(event, change, this::render);
    }

    /** Sends a pointer frame to the room's sockets here but its author's, if it has any. */
    public void relay(String roomId, String authorId, String frame) {
        Room room = rooms.get(roomId);
        if (room != null) {
            room.relay(authorId, frame);
        }
    }

    /** Forgets an ended room and hands back its sockets here, to be closed. */
    public List<WebSocketConnection> end(String roomId) {
        ended.add(roomId);
        Room room = rooms.remove(roomId);
        return room == null ? List.of() : room.end();
    }

    /** Rooms with a socket on this instance; walks every room, so for scrapes, not for hot paths. */
    public int active() {
        int n = 0;
        for (Room room : rooms.values()) {
            if (room.hasSockets()) {
                n++;
            }
        }
        return n;
    }

    /** Rooms whose state this instance holds (every live room of the log). */
    public int materialized() {
        return rooms.size();
    }

    /** Serializes a server message (one string per event, shared by every socket). */
    public String render(AnnotationServerMessage message) {
        return json(message);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
