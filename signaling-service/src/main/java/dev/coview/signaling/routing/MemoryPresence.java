package dev.coview.signaling.routing;

import io.smallrye.mutiny.Uni;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Presence in this process, for a lone instance. A room's entries are an immutable map replaced on every write
 * (rooms hold a handful of participants), so readers on other event loops never see one half-written.
 */
final class MemoryPresence implements Presence {

    private final Map<String, Map<String, PresenceEntry>> rooms = new ConcurrentHashMap<>();

    @Override
    public Uni<PresenceEntry> get(String roomId, String participantId) {
        return Uni.createFrom().item(find(roomId, participantId));
    }

    /** The entry, or null; without a {@link Uni}, for the bus. */
    PresenceEntry find(String roomId, String participantId) {
        return rooms.getOrDefault(roomId, Map.of()).get(participantId);
    }

    @Override
    public Uni<Void> put(String roomId, String participantId, PresenceEntry entry) {
        rooms.compute(roomId, (r, entries) -> {
            Map<String, PresenceEntry> next = entries == null ? new LinkedHashMap<>() : new LinkedHashMap<>(entries);
            next.put(participantId, entry);
            return Collections.unmodifiableMap(next);
        });
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Boolean> remove(String roomId, String participantId) {
        boolean[] removed = new boolean[1];
        rooms.computeIfPresent(roomId, (r, entries) -> {
            removed[0] = entries.containsKey(participantId);
            Map<String, PresenceEntry> next = new LinkedHashMap<>(entries);
            next.remove(participantId);
            return next.isEmpty() ? null : Collections.unmodifiableMap(next);
        });
        return Uni.createFrom().item(removed[0]);
    }

    @Override
    public Uni<Map<String, PresenceEntry>> all(String roomId) {
        return Uni.createFrom().item(rooms.getOrDefault(roomId, Map.of()));
    }

    /** Nothing expires in memory. */
    @Override
    public Uni<Void> touch(String roomId) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> released(String roomId) {
        return Uni.createFrom().voidItem();
    }
}
