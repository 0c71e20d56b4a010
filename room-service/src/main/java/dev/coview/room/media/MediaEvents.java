package dev.coview.room.media;

import dev.coview.contracts.events.RecordingReady;
import dev.coview.contracts.events.RecordingStarted;
import dev.coview.contracts.events.RecordingStopped;
import dev.coview.contracts.events.SessionEventType;
import dev.coview.contracts.events.SnapshotSaved;
import dev.coview.support.events.SessionEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The session events of snapshots and recordings, published from the worker threads the media calls run on: each
 * call waits for Kafka's acknowledgement (at most {@link #WAIT}) so the event is out before the request answers.
 * As with {@link dev.coview.room.events.RoomEvents}, a failed publish is logged and does not fail the upload: the
 * media is stored either way.
 */
@ApplicationScoped
public class MediaEvents {

    /** How long a request waits for Kafka before answering anyway. */
    static final Duration WAIT = Duration.ofSeconds(15);

    private static final Logger LOG = Logger.getLogger(MediaEvents.class);

    private final SessionEventPublisher publisher;

    public MediaEvents(SessionEventPublisher publisher) {
        this.publisher = publisher;
    }

    public void snapshotSaved(SnapshotSaved event) {
        publish(SessionEventType.SNAPSHOT_SAVED, event.roomId(), event);
    }

    public void recordingStarted(RecordingStarted event) {
        publish(SessionEventType.RECORDING_STARTED, event.roomId(), event);
    }

    public void recordingStopped(RecordingStopped event) {
        publish(SessionEventType.RECORDING_STOPPED, event.roomId(), event);
    }

    public void recordingReady(RecordingReady event) {
        publish(SessionEventType.RECORDING_READY, event.roomId(), event);
    }

    private void publish(SessionEventType type, String roomId, Object data) {
        try {
            publisher.publish(type, roomId, data).await().atMost(WAIT);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not publish %s for room %s", type.type(), roomId);
        }
    }
}
