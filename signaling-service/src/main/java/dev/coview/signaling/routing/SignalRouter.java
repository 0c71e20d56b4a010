package dev.coview.signaling.routing;

import dev.coview.contracts.signal.Relayed;
import dev.coview.contracts.signal.Share;
import io.smallrye.mutiny.Uni;

/**
 * Routes a room's signaling between its participants, wherever their sockets are. Implementations:
 * {@link LocalSignalRouter} (one instance; presence in memory) and {@link RedisSignalRouter} (any number of
 * instances; presence in Redis, relay over the room's pub/sub channel), both built on the in-process routing table
 * {@link LocalRooms}. Every method is non-blocking and may be called from an event-loop thread.
 */
public interface SignalRouter {

    /**
     * Adds a socket to its room: sends it {@code welcome} (itself, the room's other participants) and tells the
     * others {@code peer-joined}. A socket of the same participant that is still open is closed with 4002
     * (replaced). Completes with whether the participant resumed an earlier session within the grace period.
     */
    Uni<Boolean> join(Member member);

    /**
     * Delivers a message to its addressee in the sender's room, stamped with the sender's id. Completes with
     * {@code false} when the addressee is not a participant of that room (nothing is delivered then).
     */
    Uni<Boolean> relay(Member from, Relayed message);

    /**
     * Records the member's share as its client reported it and, when its phase changed, tells the room's other
     * participants ({@code peer-share}, wherever their sockets are). Completes with whether {@code active} changed
     * (the caller publishes {@code share.started} / {@code share.stopped}).
     */
    Uni<Boolean> share(Member member, Share share);

    /** Removes a closed socket; what the room is told depends on {@code why}. */
    Uni<Void> leave(Member member, Departure why);

    /**
     * Closes every socket of the room on this instance with 4000 (room ended), the reason saying why
     * ({@code room.ended}'s reason, or null when unknown), so the pages can tell the person.
     */
    void endRoom(String roomId, String reason);

    /** Closes the participant's socket on this instance, if any, with 4003 (removed from the room). */
    void removeParticipant(String roomId, String participantId);

    /** Room ids with a socket on this instance. */
    java.util.Set<String> localRooms();
}
