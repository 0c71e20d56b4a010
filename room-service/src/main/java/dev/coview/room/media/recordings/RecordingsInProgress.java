package dev.coview.room.media.recordings;

import dev.coview.room.config.RoomConfig;
import dev.coview.room.rooms.RoomServiceKeys;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * {@code coview_recordings_in_progress}: the recordings that were created and not yet completed, across every
 * instance (a recording's chunks may reach any of them), from the {@link RoomServiceKeys#RECORDINGS_ACTIVE} sorted set.
 * A recording idle for longer than {@code coview.room.storage.abandoned-after} no longer counts: its tab is gone and
 * the abandoned sweep will finish it. The gauge reads a value refreshed every 15 s and after each change on this
 * instance, so a scrape never waits for Redis. Every instance reports the same figure: dashboards take the max.
 */
@ApplicationScoped
public class RecordingsInProgress {

    private static final Logger LOG = Logger.getLogger(RecordingsInProgress.class);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ReactiveSortedSetCommands<String, String> active;
    private final Duration abandonedAfter;
    private final AtomicLong count = new AtomicLong();

    public RecordingsInProgress(ReactiveRedisDataSource redis, RoomConfig config, MeterRegistry registry) {
        this.active = redis.sortedSet(String.class);
        this.abandonedAfter = config.storage().abandonedAfter();
        Gauge.builder("coview.recordings.in.progress", count, AtomicLong::get)
                .description("recordings created and not yet completed, across all instances")
                .register(registry);
    }

    /** The recording was created or received a chunk. Blocking: call from worker threads (the media calls). */
    void active(String roomId, String recordingId) {
        update(active.zadd(RoomServiceKeys.RECORDINGS_ACTIVE, System.currentTimeMillis(), member(roomId, recordingId)));
    }

    /** The recording completed, or was finished or removed as abandoned. Blocking, as {@link #active}. */
    void finished(String roomId, String recordingId) {
        update(active.zrem(RoomServiceKeys.RECORDINGS_ACTIVE, member(roomId, recordingId)).map(removed -> removed > 0));
    }

    /** Applies {@code change}; when it added or removed a member, counts again (a chunk only moves a score). */
    private void update(Uni<Boolean> change) {
        try {
            // Counted again at once, so that this instance's next scrape already shows the change.
            change.chain(changed -> changed ? recount() : Uni.createFrom().voidItem()).await().atMost(WAIT);
        } catch (RuntimeException e) {
            // A gauge must never fail an upload: the next refresh corrects the figure.
            LOG.warnf(e, "could not update %s", RoomServiceKeys.RECORDINGS_ACTIVE);
        }
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        recount().subscribe().with(v -> { },
                e -> LOG.debugf("could not count %s: %s", RoomServiceKeys.RECORDINGS_ACTIVE, e.getMessage()));
    }

    private Uni<Void> recount() {
        double idleSince = System.currentTimeMillis() - abandonedAfter.toMillis();
        return active.zremrangebyscore(RoomServiceKeys.RECORDINGS_ACTIVE,
                        new ScoreRange<>(Double.NEGATIVE_INFINITY, idleSince))
                .chain(() -> active.zcard(RoomServiceKeys.RECORDINGS_ACTIVE))
                .invoke(count::set).replaceWithVoid();
    }

    private static String member(String roomId, String recordingId) {
        return roomId + "/" + recordingId;
    }
}
