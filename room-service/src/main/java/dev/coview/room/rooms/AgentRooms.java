package dev.coview.room.rooms;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rooms each agent identity created ({@code agent-rooms:{creator}}), newest first: what the agent console
 * offers to go back to after a reload. The creator is whatever {@link dev.coview.room.access.AgentCheck} answered,
 * so an identity that names agents one by one (OIDC) gets a list per agent with no change here.
 */
@ApplicationScoped
public class AgentRooms {

    /** How many rooms a listing looks at: an agent has a few live sessions, never hundreds. */
    static final int LIST_LIMIT = 20;

    private final ReactiveSortedSetCommands<String, String> sets;
    private final ReactiveKeyCommands<String> keys;

    public AgentRooms(ReactiveRedisDataSource redis) {
        this.sets = redis.sortedSet(String.class);
        this.keys = redis.key();
    }

    /** Records a new room of {@code creator}; the set lives {@code ttl} after its newest room. */
    public Uni<Void> add(String creator, String roomId, Instant createdAt, Duration ttl) {
        String key = RoomServiceKeys.agentRooms(creator);
        return sets.zadd(key, createdAt.toEpochMilli(), roomId)
                .chain(() -> keys.pexpire(key, ttl.toMillis()))
                .replaceWithVoid();
    }

    /** The newest room ids of {@code creator}, newest first (some may have ended: the caller checks). */
    public Uni<List<String>> newest(String creator) {
        return sets.zrange(RoomServiceKeys.agentRooms(creator), 0, LIST_LIMIT - 1,
                new io.quarkus.redis.datasource.sortedset.ZRangeArgs().rev());
    }

    /** Forgets a room (it ended). */
    public Uni<Void> remove(String creator, String roomId) {
        return sets.zrem(RoomServiceKeys.agentRooms(creator), roomId).replaceWithVoid();
    }
}
