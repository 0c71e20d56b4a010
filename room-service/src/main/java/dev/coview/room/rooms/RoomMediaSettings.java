package dev.coview.room.rooms;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A room's media settings chosen at creation: relay-only (media only through TURN, so neither browser learns the
 * other's IP address). Kept as a field of the room's hash ({@link RoomServiceKeys#ROOM}), so it lives and expires with
 * the room; absent when the room was created without it (then the deployment's default applies).
 */
@ApplicationScoped
public class RoomMediaSettings {

    /** Field of {@code room:{roomId}}: "true" or "false". */
    static final String RELAY_ONLY = "relayOnly";

    private final ReactiveHashCommands<String, String, String> hashes;

    public RoomMediaSettings(ReactiveRedisDataSource redis) {
        this.hashes = redis.hash(String.class);
    }

    /** Records the room's relay-only setting. */
    public Uni<Void> setRelayOnly(String roomId, boolean relayOnly) {
        return hashes.hset(RoomServiceKeys.room(roomId), RELAY_ONLY, Boolean.toString(relayOnly)).replaceWithVoid();
    }

    /** The room's relay-only setting, or {@code null} when it was created without one. */
    public Uni<Boolean> relayOnly(String roomId) {
        return hashes.hget(RoomServiceKeys.room(roomId), RELAY_ONLY).map(v -> v == null ? null : Boolean.valueOf(v));
    }
}
