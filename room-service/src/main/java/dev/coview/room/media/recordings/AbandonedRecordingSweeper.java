package dev.coview.room.media.recordings;

import dev.coview.room.config.RoomConfig;
import dev.coview.room.media.storage.MediaStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Run by the media sweep ({@link dev.coview.room.media.RetentionSweeper}, on a worker thread: it walks the file
 * system), each instance finishes the recordings that received no chunk for {@code coview.room.storage.abandoned-after}: completed
 * with what they have, so the CRM still gets {@code recording.ready}, or removed when nothing usable arrived — instead
 * of holding their chunks for the whole retention period. Instances sharing the volume serialise per recording only
 * within themselves; a second instance finishing the same recording finds it ready and skips it.
 */
@ApplicationScoped
public class AbandonedRecordingSweeper {

    private static final Logger LOG = Logger.getLogger(AbandonedRecordingSweeper.class);

    private final MediaStore store;
    private final RecordingService recordings;
    private final Duration abandonedAfter;
    private final Duration retention;

    public AbandonedRecordingSweeper(MediaStore store, RecordingService recordings, RoomConfig config) {
        this.store = store;
        this.recordings = recordings;
        this.abandonedAfter = config.storage().abandonedAfter();
        this.retention = config.storage().retention();
    }

    /** Finishes every recording idle since before {@code now - abandoned-after}; returns how many. */
    public int sweep(Instant now) throws IOException {
        Instant cutoff = now.minus(abandonedAfter);
        int finished = 0;
        for (String roomId : store.rooms()) {
            int n = recordings.finishAbandoned(roomId, cutoff, now.minus(retention));
            if (n > 0) {
                LOG.infof("finished %d abandoned recording(s) of room %s", n, roomId);
            }
            finished += n;
        }
        return finished;
    }
}
