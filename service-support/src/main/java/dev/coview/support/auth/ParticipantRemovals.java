package dev.coview.support.auth;

import dev.coview.contracts.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Participants an agent removed from their room: the marker {@code participant-removed:{roomId}:{participantId}}.
 * The one place that says whether a participant may come back: room-service's rejoin exchange refuses a removed
 * participant here, and whoever removes a participant (revoking their token's {@code jti} and closing their
 * sockets) writes the marker here, for at least as long as any of their tokens lives.
 */
@ApplicationScoped
public class ParticipantRemovals {

    private static final String REMOVED = "1";

    private final ReactiveKeyCommands<String> keys;
    private final ReactiveValueCommands<String, String> values;

    @Inject
    public ParticipantRemovals(ReactiveRedisDataSource redis) {
        this.keys = redis.key();
        this.values = redis.value(String.class);
    }

    /** Whether the participant was removed from the room (no token, socket or rejoin of theirs is accepted). */
    public Uni<Boolean> isRemoved(String roomId, String participantId) {
        return keys.exists(RedisKeys.participantRemoved(roomId, participantId));
    }

    /** Marks the participant removed for {@code ttl} (at least the lifetime of their longest token). */
    public Uni<Void> markRemoved(String roomId, String participantId, Duration ttl) {
        return values.setex(RedisKeys.participantRemoved(roomId, participantId), Math.max(1, ttl.toSeconds()), REMOVED)
                .replaceWithVoid();
    }
}
