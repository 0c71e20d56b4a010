package dev.coview.annotation.messaging;

import dev.coview.annotation.config.AnnotationConfig;
import dev.coview.annotation.rooms.Rooms;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.support.auth.RoomRevocations;
import dev.coview.support.redis.EveryMessage;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * Ended rooms: closes their sockets with {@link CloseCodes#ROOM_ENDED} and forgets their state here. Three ways in,
 * because pub/sub is at-most-once and a restart replays the whole annotation log: at start, the rooms that ended in
 * the log's retention ({@code rooms-ended}) are known before the first record is applied, so a replay skips them;
 * room-service's announcement on {@code room-events} ends a room at once; and every {@code ended-room-check} the
 * rooms that ended since the last check are read again, which catches an announcement this instance missed.
 */
@ApplicationScoped
public class RoomEndings {

    /** Ended rooms read again at each check: as far back as an end may be stamped by a clock behind this one's. */
    private static final long CLOCK_MARGIN_MS = 60_000;

    @Inject
    RoomRevocations revocations;
    @Inject
    Rooms rooms;
    @Inject
    AnnotationConfig config;
    @Inject
    Vertx vertx;

    private Cancellable subscription;
    private long timer = -1;
    private volatile long checkedAt;

    /**
     * Before the messaging channels start (they observe the same event at a later priority): the ended rooms are
     * known before the materializer's first record. Blocking on purpose, on the main thread, once.
     */
    void onStart(@Observes @Priority(1) StartupEvent event) {
        long now = System.currentTimeMillis();
        try {
            List<ScoredValue<String>> ended = revocations.endedSince(0).await().atMost(Duration.ofSeconds(10));
            rooms.forget(ended.stream().map(ScoredValue::value).toList());
            Log.infof("%d rooms ended in the log's retention: not materialized", ended.size());
        } catch (RuntimeException e) {
            // Redis away at start: the log is replayed whole (room budgets still bound it); the check catches up.
            Log.warnf("cannot read the ended rooms, replaying every room of the log: %s", e.getMessage());
        }
        checkedAt = now;
        subscription = EveryMessage.handle(revocations.endedRooms(), "room-events", this::end);
        timer = vertx.setPeriodic(config.endedRoomCheck().toMillis(), t -> check());
    }

    /** Ends the rooms that ended since the last check and are still live here. */
    private void check() {
        long now = System.currentTimeMillis();
        revocations.endedSince(checkedAt - CLOCK_MARGIN_MS).subscribe().with(ended -> {
            checkedAt = now;
            for (ScoredValue<String> room : ended) {
                if (!rooms.hasEnded(room.value())) {
                    end(room.value());
                }
            }
        }, e -> Log.debugf("cannot check for ended rooms: %s", e.getMessage()));
    }

    void end(String roomId) {
        var sockets = rooms.end(roomId);
        for (var socket : sockets) {
            socket.close(new CloseReason(CloseCodes.ROOM_ENDED, "room ended")).subscribe().with(ok -> {
            }, e -> Log.debugf("closing socket %s: %s", socket.id(), e.getMessage()));
        }
        if (!sockets.isEmpty()) {
            Log.infof("room %s ended: closed %d sockets", roomId, sockets.size());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
