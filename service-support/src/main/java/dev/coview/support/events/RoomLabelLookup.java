package dev.coview.support.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link RoomLabels} of a room, as room-service stored them in {@code room-ref:{roomId}}, for the publisher of
 * whichever service publishes an event. Labels never change after creation and are written before the room's first
 * token exists, so every answer (including "none") is kept in a small LRU cache: a busy room costs one Redis read
 * per instance, not one per event.
 */
@ApplicationScoped
public class RoomLabelLookup {

    /** Rooms remembered per instance; far more than the rooms an instance serves at once. */
    static final int CACHED_ROOMS = 10_000;

    private final ReactiveHashCommands<String, String, String> hashes;
    private final ObjectMapper mapper;
    private final Map<String, RoomLabels> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RoomLabels> eldest) {
                    return size() > CACHED_ROOMS;
                }
            });

    public RoomLabelLookup(ReactiveRedisDataSource redis, ObjectMapper mapper) {
        this.hashes = redis.hash(String.class);
        this.mapper = mapper;
    }

    /** The room's labels ({@link RoomLabels#NONE} when it has none); fails only if Redis cannot be read. */
    public Uni<RoomLabels> of(String roomId) {
        RoomLabels known = cache.get(roomId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return hashes.hgetall(RedisKeys.roomRef(roomId))
                .map(h -> RoomLabels.fromHash(h, mapper))
                .invoke(labels -> cache.put(roomId, labels));
    }

    /** Records what the creating instance just stored, so that its own first events need no read. */
    public void remember(String roomId, RoomLabels labels) {
        cache.put(roomId, labels);
    }
}
