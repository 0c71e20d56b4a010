package dev.coview.room.media;

import dev.coview.room.config.RoomConfig;
import dev.coview.room.media.recordings.AbandonedRecordingSweeper;
import dev.coview.room.media.storage.DirectoryMediaStore;
import dev.coview.room.media.storage.MediaKey;
import dev.coview.room.media.storage.MediaStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The retention policy: every {@code coview.room.storage.retention-sweep-interval} (on a worker thread: it walks
 * the file system) each instance deletes the media of every room whose newest file is older than
 * {@code coview.room.storage.retention}. A room's snapshots and recordings go together, so a recording never
 * outlives the snapshots of the same session or the other way round. Instances sharing the volume may sweep the
 * same room at once; deleting what is already gone is harmless.
 */
@ApplicationScoped
public class RetentionSweeper {

    /** Temporary files of interrupted writes older than this are removed too. */
    static final Duration STALE_TEMPORARY = Duration.ofDays(1);

    private static final Logger LOG = Logger.getLogger(RetentionSweeper.class);

    private final MediaStore store;
    private final Duration retention;
    private final MediaQuota quota;
    private final AbandonedRecordingSweeper abandoned;

    public RetentionSweeper(MediaStore store, RoomConfig config, MediaQuota quota,
                            AbandonedRecordingSweeper abandoned) {
        this.store = store;
        this.quota = quota;
        this.abandoned = abandoned;
        this.retention = config.storage().retention();
    }

    @Scheduled(every = "${coview.room.storage.retention-sweep-interval:1h}",
            delayed = "${coview.room.storage.retention-sweep-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        Instant now = Instant.now();
        try {
            sweep(now);
            // Then the recordings left unfinished by a closed tab, among the rooms that are kept.
            abandoned.sweep(now);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "media retention sweep failed");
        }
    }

    /** Deletes every room's media last written before {@code now - retention}; returns how many rooms. */
    public int sweep(Instant now) throws IOException {
        Instant cutoff = now.minus(retention);
        int deleted = 0;
        for (String roomId : store.rooms()) {
            Optional<Instant> newest = store.lastModified(roomId);
            // A room without files is left alone: a first upload may be creating its folders right now.
            if (newest.isPresent() && newest.get().isBefore(cutoff)) {
                store.delete(MediaKey.room(roomId));
                quota.forget(roomId);
                deleted++;
                LOG.infof("deleted the media of room %s (retention %s)", roomId, retention);
            }
        }
        if (store instanceof DirectoryMediaStore directory) {
            directory.deleteStaleTemporaryFiles(now.minus(STALE_TEMPORARY));
        }
        return deleted;
    }
}
