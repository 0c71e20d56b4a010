package dev.coview.signaling.rooms;

import dev.coview.signaling.config.SignalingConfig;
import dev.coview.signaling.routing.SignalRouter;
import dev.coview.support.auth.RoomRevocations;
import dev.coview.support.redis.EveryMessage;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Closes every socket of a room that ended (4000): at once when room-service announces it on {@code room-events},
 * and, because pub/sub is at-most-once, by checking the {@code room-ended:{roomId}} marker of the rooms served here
 * every heartbeat.
 */
@ApplicationScoped
public class RoomEndWatcher {

    private final RoomRevocations revocations;
    private final SignalRouter router;
    private final SignalingConfig config;
    private final Vertx vertx;
    private Cancellable announcements;
    private long timer = -1;

    @Inject
    public RoomEndWatcher(RoomRevocations revocations, SignalRouter router, SignalingConfig config, Vertx vertx) {
        this.revocations = revocations;
        this.router = router;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent ignored) {
        announcements = EveryMessage.handle(revocations.endedRooms(), "room-events", this::ended);
        timer = vertx.setPeriodic(config.heartbeat().toMillis(), t -> checkMarkers());
    }

    void stop(@Observes ShutdownEvent ignored) {
        vertx.cancelTimer(timer);
        if (announcements != null) {
            announcements.cancel();
        }
    }

    private void checkMarkers() {
        for (String roomId : router.localRooms()) {
            revocations.isEnded(roomId).subscribe().with(
                    ended -> {
                        if (ended) {
                            ended(roomId);
                        }
                    },
                    e -> Log.debugf("cannot check whether room %s ended: %s", roomId, e.getMessage()));
        }
    }

    private void ended(String roomId) {
        if (!router.localRooms().contains(roomId)) {
            return;
        }
        // The marker keeps why (the agent, expiry): the pages word their ended panel from the close reason.
        revocations.endedReason(roomId).subscribe().with(reason -> {
            Log.infof("room %s ended (%s): closing its sockets", roomId, reason);
            router.endRoom(roomId, reason);
        }, e -> {
            Log.warnf("room %s ended, its reason unreadable (%s): closing its sockets", roomId, e.getMessage());
            router.endRoom(roomId, null);
        });
    }
}
