package dev.coview.room.rooms;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Idle expiry by a scheduled sweep (not Redis keyspace notifications, which need {@code notify-keyspace-events} on
 * the server and are at-most-once): every {@code coview.room.expiry-sweep-interval} each instance reads the rooms
 * whose deadline in {@code rooms-by-expiry} has passed and claims each with {@code ZREM}; the one instance whose
 * {@code ZREM} removed it ends the room and publishes {@code room.expired}. So a room expires once, at most one
 * interval late, however many instances run.
 */
@ApplicationScoped
public class ExpirySweeper {

    /** Rooms handled per sweep; the rest wait for the next one. */
    static final int BATCH = 200;

    private static final Logger LOG = Logger.getLogger(ExpirySweeper.class);

    private final RoomStore store;
    private final RoomService rooms;

    public ExpirySweeper(RoomStore store, RoomService rooms) {
        this.store = store;
        this.rooms = rooms;
    }

    @Scheduled(every = "${coview.room.expiry-sweep-interval:30s}", delayed = "${coview.room.expiry-sweep-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return store.dueForExpiry(Instant.now(), BATCH)
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due.entrySet()))
                .onItem().transformToUniAndConcatenate(e -> store.claimExpiry(e.getKey())
                        .chain(mine -> mine ? rooms.expire(e.getKey(), e.getValue()) : Uni.createFrom().item(false))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.errorf(failure, "could not expire room %s", e.getKey());
                            return false;
                        }))
                .collect().with(java.util.stream.Collectors.counting())
                .invoke(count -> LOG.debugf("expiry sweep looked at %d room(s)", count))
                .replaceWithVoid();
    }
}
