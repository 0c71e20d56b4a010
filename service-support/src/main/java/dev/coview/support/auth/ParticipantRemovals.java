package dev.coview.support.auth;

import dev.coview.contracts.redis.RedisKeys;
import dev.coview.support.redis.ChannelSubscriber;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Participants an agent removed from their room: the marker {@code participant-removed:{roomId}:{participantId}}
 * and its announcement on {@code participants-removed}. The one place that says whether a participant may come
 * back: room-service's REST calls and rejoin exchange and every socket upgrade refuse a removed participant here;
 * room-service's removal endpoint writes the marker, for as long as any of their tokens lives, then announces it so
 * that every socket service closes the participant's open sockets at once. As with ended rooms, the marker is the
 * truth and the announcement is at-most-once.
 */
@ApplicationScoped
public class ParticipantRemovals {

    private static final String REMOVED = "1";

    /** One removal as announced: who, in which room. */
    public record Removal(String roomId, String participantId) {
    }

    /**
     * What a service with sockets does when a participant is removed (closes their sockets on this instance): a
     * bean of this type is told of every announcement ({@link RemovalSubscription}).
     */
    public interface Listener {
        /** {@code participantId} was removed from {@code roomId}; called on the event loop the news arrives on. */
        void removed(String roomId, String participantId);
    }

    private final ReactiveKeyCommands<String> keys;
    private final ReactiveValueCommands<String, String> values;
    private final ReactivePubSubCommands<String> pubsub;
    private final ChannelSubscriber channels;

    @Inject
    public ParticipantRemovals(ReactiveRedisDataSource redis, ChannelSubscriber channels) {
        this.keys = redis.key();
        this.values = redis.value(String.class);
        this.pubsub = redis.pubsub(String.class);
        this.channels = channels;
    }

    /** Whether the participant was removed from the room (no token, socket or rejoin of theirs is accepted). */
    public Uni<Boolean> isRemoved(String roomId, String participantId) {
        return keys.exists(RedisKeys.participantRemoved(roomId, participantId));
    }

    /**
     * Marks the participant removed for {@code ttl} (at least the lifetime of their longest token), then announces
     * it to every instance.
     */
    public Uni<Void> markRemoved(String roomId, String participantId, Duration ttl) {
        return values.setex(RedisKeys.participantRemoved(roomId, participantId), Math.max(1, ttl.toSeconds()), REMOVED)
                .chain(() -> pubsub.publish(RedisKeys.PARTICIPANTS_REMOVED_CHANNEL, roomId + ' ' + participantId))
                .replaceWithVoid();
    }

    /**
     * Removals as any instance announces them ({@link ChannelSubscriber}: one connection per call; a service
     * subscribes once, through {@link RemovalSubscription}). Malformed announcements are skipped.
     */
    public Multi<Removal> removals() {
        return channels.messages(RedisKeys.PARTICIPANTS_REMOVED_CHANNEL)
                .map(m -> m.split(" "))
                .filter(parts -> parts.length == 2)
                .map(parts -> new Removal(parts[0], parts[1]));
    }
}
