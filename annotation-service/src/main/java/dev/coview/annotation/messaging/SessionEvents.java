package dev.coview.annotation.messaging;

import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.AnnotationClientMessage.Crop;
import dev.coview.contracts.annotation.AnnotationClientMessage.Freeze;
import dev.coview.contracts.annotation.AnnotationClientMessage.Masks;
import dev.coview.contracts.annotation.AnnotationClientMessage.Pause;
import dev.coview.contracts.annotation.AnnotationClientMessage.RecordingConsent;
import dev.coview.contracts.annotation.AnnotationClientMessage.ReferenceAnswer;
import dev.coview.contracts.annotation.AnnotationClientMessage.ReferencePush;
import dev.coview.contracts.events.CropChanged;
import dev.coview.contracts.events.FreezeEnded;
import dev.coview.contracts.events.FreezeStarted;
import dev.coview.contracts.events.MasksChanged;
import dev.coview.contracts.events.RecordingDeclined;
import dev.coview.contracts.events.ReferenceOpened;
import dev.coview.contracts.events.ReferenceDeclined;
import dev.coview.contracts.events.ReferencePushed;
import dev.coview.contracts.events.SessionEventType;
import dev.coview.contracts.events.SharePaused;
import dev.coview.contracts.events.ShareResumed;
import dev.coview.support.events.SessionEventPublisher;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The session events (CloudEvents for other systems) that annotation messages stand for. Published once, by the
 * instance that accepted the message, after Kafka has it in the annotation log; a failure is logged, never
 * reported to the participant (the annotation itself went through).
 */
@ApplicationScoped
public class SessionEvents {

    @Inject
    SessionEventPublisher publisher;

    /**
     * @param referenceUrl for {@code reference.answer}: the pending link answered (as materialized here)
     */
    public void accepted(String roomId, String participantId, AnnotationClientMessage m, String referenceUrl) {
        if (m instanceof Crop c) {
            publish(SessionEventType.CROP_CHANGED, roomId, new CropChanged(roomId, participantId, c.x(), c.y(), c.w(),
                    c.h(), c.sourceW(), c.sourceH()));
        } else if (m instanceof Masks x) {
            publish(SessionEventType.MASKS_CHANGED, roomId, new MasksChanged(roomId, participantId, x.rects().size()));
        } else if (m instanceof Pause p && p.on()) {
            // The customer's client sends pause only when it changes (not again after a reconnect).
            publish(SessionEventType.SHARE_PAUSED, roomId, new SharePaused(roomId, participantId, Instant.now()));
        } else if (m instanceof Pause) {
            publish(SessionEventType.SHARE_RESUMED, roomId, new ShareResumed(roomId, participantId, Instant.now()));
        } else if (m instanceof Freeze f && f.on()) {
            publish(SessionEventType.FREEZE_STARTED, roomId, new FreezeStarted(roomId, participantId, f.snapshotId()));
        } else if (m instanceof Freeze) {
            publish(SessionEventType.FREEZE_ENDED, roomId, new FreezeEnded(roomId, participantId));
        } else if (m instanceof ReferencePush r) {
            publish(SessionEventType.REFERENCE_PUSHED, roomId, new ReferencePushed(roomId, participantId, r.url()));
        } else if (m instanceof ReferenceAnswer a && a.accepted()) {
            publish(SessionEventType.REFERENCE_OPENED, roomId,
                    new ReferenceOpened(roomId, participantId, referenceUrl));
        } else if (m instanceof ReferenceAnswer) {
            publish(SessionEventType.REFERENCE_DECLINED, roomId,
                    new ReferenceDeclined(roomId, participantId, referenceUrl));
        } else if (m instanceof RecordingConsent c && !c.granted()) {
            publish(SessionEventType.RECORDING_DECLINED, roomId,
                    new RecordingDeclined(roomId, participantId, c.requestId()));
        }
        // snapshot.saved is not published here: room-service, which stores the snapshot and knows its sha256,
        // publishes it when the upload succeeds. The room's snapshot.saved message only tells the participants.
    }

    private void publish(SessionEventType type, String roomId, Object data) {
        publisher.publish(type, roomId, data).subscribe().with(ok -> {
        }, e -> Log.warnf("could not publish %s for room %s: %s", type.type(), roomId, e.getMessage()));
    }
}
