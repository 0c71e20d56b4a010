package dev.coview.annotation.messaging;

import dev.coview.annotation.rooms.Room;
import dev.coview.annotation.rooms.Rooms;
import dev.coview.support.redis.ChannelSubscriber;
import dev.coview.support.redis.EveryMessage;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * One socket per participant across instances: a new socket is announced on
 * {@link AnnotationKeys#SOCKETS_CHANNEL}, and every instance closes that participant's other sockets with
 * 4002 (on its own instance, {@link Room#join} already did). Pub/sub is at-most-once: an announcement lost while
 * Redis is away leaves the older socket open until it closes by itself; it still shares the participant's message
 * budget on its instance.
 */
@ApplicationScoped
public class SocketTakeovers {

    private final ReactivePubSubCommands<String> pubsub;
    private final ChannelSubscriber channels;
    private final Rooms rooms;
    private Cancellable subscription;

    @Inject
    public SocketTakeovers(ReactiveRedisDataSource redis, ChannelSubscriber channels, Rooms rooms) {
        this.pubsub = redis.pubsub(String.class);
        this.channels = channels;
        this.rooms = rooms;
    }

    void start(@Observes StartupEvent event) {
        subscription = EveryMessage.handle(channels.messages(AnnotationKeys.SOCKETS_CHANNEL),
                AnnotationKeys.SOCKETS_CHANNEL, this::received);
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /** Tells every instance that {@code socketId}, joined at {@code joinedAt}, is now the participant's socket. */
    public void announce(String roomId, String participantId, String socketId, long joinedAt) {
        pubsub.publish(AnnotationKeys.SOCKETS_CHANNEL,
                        roomId + ' ' + participantId + ' ' + socketId + ' ' + joinedAt)
                .subscribe().with(n -> {
                }, e -> Log.debugf("cannot announce socket %s: %s", socketId, e.getMessage()));
    }

    private void received(String message) {
        String[] parts = message.split(" ");
        if (parts.length != 4) {
            return;
        }
        Room room = rooms.existing(parts[0]);
        if (room != null) {
            room.replace(parts[1], parts[2], Long.parseLong(parts[3]));
        }
    }
}
