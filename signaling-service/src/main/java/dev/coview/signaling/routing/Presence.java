package dev.coview.signaling.routing;

import io.smallrye.mutiny.Uni;
import java.util.Map;

/**
 * Who is in a room's signaling, and on which instance: one {@link PresenceEntry} per participant, connected or away
 * within its resume grace period. {@link MemoryPresence} keeps it in this process (one instance); {@link RedisPresence}
 * in Redis, where every instance reads it. Non-blocking; the rules that read and write it are {@link SignalRouter}'s.
 */
public interface Presence {

    /** The participant's entry, or null. */
    Uni<PresenceEntry> get(String roomId, String participantId);

    Uni<Void> put(String roomId, String participantId, PresenceEntry entry);

    /** Removes the entry; completes with whether this call removed it (one caller wins a race). */
    Uni<Boolean> remove(String roomId, String participantId);

    /** Every entry of the room, by participant id, in the order they were first written. */
    Uni<Map<String, PresenceEntry>> all(String roomId);

    /** A heartbeat for a room in which this instance holds a participant: keeps this instance's entries there. */
    Uni<Void> touch(String roomId);

    /** This instance holds no participant of the room any more (it may still have entries of other instances). */
    Uni<Void> released(String roomId);
}
