package dev.coview.annotation.rules;

import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.Clear;
import dev.coview.contracts.annotation.Crop;
import dev.coview.contracts.annotation.CropRequest;
import dev.coview.contracts.annotation.Erase;
import dev.coview.contracts.annotation.Freeze;
import dev.coview.contracts.annotation.Ink;
import dev.coview.contracts.annotation.Masks;
import dev.coview.contracts.annotation.Pause;
import dev.coview.contracts.annotation.Pointer;
import dev.coview.contracts.annotation.PointerHide;
import dev.coview.contracts.annotation.Recording;
import dev.coview.contracts.annotation.RecordingConsent;
import dev.coview.contracts.annotation.RecordingRequest;
import dev.coview.contracts.annotation.Redo;
import dev.coview.contracts.annotation.ReferenceAnswer;
import dev.coview.contracts.annotation.ReferencePush;
import dev.coview.contracts.annotation.Shape;
import dev.coview.contracts.annotation.SnapshotNotice;
import dev.coview.contracts.annotation.Stroke;
import dev.coview.contracts.annotation.Undo;

/**
 * The rule of each message type. An {@link AnnotationClientMessage.Cases}: one method per type and no default, so
 * a new message type does not compile until it has a method here, and that method returns a {@link Rule} of the
 * new type, which cannot be built without its grant, validation, admission, state change and session event.
 */
public final class MessageRules implements AnnotationClientMessage.Cases<Ruling<?>> {

    private static final MessageRules RULES = new MessageRules();

    private MessageRules() {
    }

    /** {@code message} with the rule of its type. */
    public static Ruling<?> of(AnnotationClientMessage message) {
        return message.match(RULES);
    }

    @Override
    public Ruling<?> pointer(Pointer m) {
        return PointerRules.POINTER.on(m);
    }

    @Override
    public Ruling<?> pointerHide(PointerHide m) {
        return PointerRules.POINTER_HIDE.on(m);
    }

    @Override
    public Ruling<?> ink(Ink m) {
        return PointerRules.INK.on(m);
    }

    @Override
    public Ruling<?> stroke(Stroke m) {
        return DrawingRules.STROKE.on(m);
    }

    @Override
    public Ruling<?> shape(Shape m) {
        return DrawingRules.SHAPE.on(m);
    }

    @Override
    public Ruling<?> erase(Erase m) {
        return DrawingRules.ERASE.on(m);
    }

    @Override
    public Ruling<?> undo(Undo m) {
        return DrawingRules.UNDO.on(m);
    }

    @Override
    public Ruling<?> redo(Redo m) {
        return DrawingRules.REDO.on(m);
    }

    @Override
    public Ruling<?> clear(Clear m) {
        return DrawingRules.CLEAR.on(m);
    }

    @Override
    public Ruling<?> crop(Crop m) {
        return ShareRules.CROP.on(m);
    }

    @Override
    public Ruling<?> cropRequest(CropRequest m) {
        return ShareRules.CROP_REQUEST.on(m);
    }

    @Override
    public Ruling<?> masks(Masks m) {
        return ShareRules.MASKS.on(m);
    }

    @Override
    public Ruling<?> pause(Pause m) {
        return ShareRules.PAUSE.on(m);
    }

    @Override
    public Ruling<?> freeze(Freeze m) {
        return ShareRules.FREEZE.on(m);
    }

    @Override
    public Ruling<?> snapshotNotice(SnapshotNotice m) {
        return ShareRules.SNAPSHOT.on(m);
    }

    @Override
    public Ruling<?> referencePush(ReferencePush m) {
        return ReferenceRules.PUSH.on(m);
    }

    @Override
    public Ruling<?> referenceAnswer(ReferenceAnswer m) {
        return ReferenceRules.ANSWER.on(m);
    }

    @Override
    public Ruling<?> recordingRequest(RecordingRequest m) {
        return RecordingRules.REQUEST.on(m);
    }

    @Override
    public Ruling<?> recordingConsent(RecordingConsent m) {
        return RecordingRules.CONSENT.on(m);
    }

    @Override
    public Ruling<?> recording(Recording m) {
        return RecordingRules.RECORDING.on(m);
    }
}
