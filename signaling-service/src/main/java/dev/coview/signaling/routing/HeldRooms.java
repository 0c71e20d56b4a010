package dev.coview.signaling.routing;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The participants whose presence entry this instance maintains, by room (connected here, or away from here within
 * their grace), and the heartbeat that keeps them: each beat tells the others this instance is alive, then touches
 * the presence of every room held (and of every room with a socket here). When the last participant of a room is let
 * go, the room is released (its {@code room-active} claim withdrawn).
 */
final class HeldRooms {

    private final LocalRooms local;
    private final Presence presence;
    private final InstanceLiveness liveness;
    private final Map<String, Set<String>> held = new ConcurrentHashMap<>();

    HeldRooms(LocalRooms local, Presence presence, InstanceLiveness liveness) {
        this.local = local;
        this.presence = presence;
        this.liveness = liveness;
    }

    void hold(String roomId, String participantId) {
        held.computeIfAbsent(roomId, r -> ConcurrentHashMap.newKeySet()).add(participantId);
    }

    /** Lets the participant go unless it has a socket here again. */
    void releaseIfGone(String roomId, String participantId) {
        if (local.find(roomId, participantId).isEmpty()) {
            release(roomId, participantId);
        }
    }

    /** Lets the participant go; the last one of a room releases the room. */
    void release(String roomId, String participantId) {
        boolean[] emptied = new boolean[1];
        held.computeIfPresent(roomId, (r, ids) -> {
            ids.remove(participantId);
            emptied[0] = ids.isEmpty();
            return emptied[0] ? null : ids;
        });
        if (emptied[0]) {
            presence.released(roomId).subscribe().with(ok -> { }, e -> Log.debugf("releasing room %s: %s", roomId,
                    e.getMessage()));
        }
    }

    void heartbeat() {
        Set<String> rooms = new HashSet<>(held.keySet());
        rooms.addAll(local.roomIds());
        liveness.beat()
                .chain(() -> Multi.createFrom().iterable(rooms).onItem().transformToUniAndConcatenate(presence::touch)
                        .collect().last())
                .subscribe().with(ok -> { }, e -> {
                    Log.warnf("presence heartbeat failed: %s", e.getMessage());
                    liveness.missed();
                });
    }
}
