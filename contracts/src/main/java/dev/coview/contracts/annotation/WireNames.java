package dev.coview.contracts.annotation;

/**
 * The wire {@code type} of each client message, the one place {@link AnnotationClientMessage#type()} reads it from
 * (each record keeps its {@code TYPE} constant for {@code @JsonSubTypes}). A {@link AnnotationClientMessage.Cases}
 * like the services' rules, so a new message type does not compile until it has a name here too.
 */
final class WireNames implements AnnotationClientMessage.Cases<String> {

    static final WireNames INSTANCE = new WireNames();

    private WireNames() {
    }

    @Override
    public String pointer(Pointer m) {
        return Pointer.TYPE;
    }

    @Override
    public String pointerHide(PointerHide m) {
        return PointerHide.TYPE;
    }

    @Override
    public String stroke(Stroke m) {
        return Stroke.TYPE;
    }

    @Override
    public String ink(Ink m) {
        return Ink.TYPE;
    }

    @Override
    public String shape(Shape m) {
        return Shape.TYPE;
    }

    @Override
    public String erase(Erase m) {
        return Erase.TYPE;
    }

    @Override
    public String undo(Undo m) {
        return Undo.TYPE;
    }

    @Override
    public String redo(Redo m) {
        return Redo.TYPE;
    }

    @Override
    public String clear(Clear m) {
        return Clear.TYPE;
    }

    @Override
    public String crop(Crop m) {
        return Crop.TYPE;
    }

    @Override
    public String cropRequest(CropRequest m) {
        return CropRequest.TYPE;
    }

    @Override
    public String masks(Masks m) {
        return Masks.TYPE;
    }

    @Override
    public String pause(Pause m) {
        return Pause.TYPE;
    }

    @Override
    public String freeze(Freeze m) {
        return Freeze.TYPE;
    }

    @Override
    public String referencePush(ReferencePush m) {
        return ReferencePush.TYPE;
    }

    @Override
    public String referenceAnswer(ReferenceAnswer m) {
        return ReferenceAnswer.TYPE;
    }

    @Override
    public String snapshotNotice(SnapshotNotice m) {
        return SnapshotNotice.TYPE;
    }

    @Override
    public String recordingRequest(RecordingRequest m) {
        return RecordingRequest.TYPE;
    }

    @Override
    public String recordingConsent(RecordingConsent m) {
        return RecordingConsent.TYPE;
    }

    @Override
    public String recording(Recording m) {
        return Recording.TYPE;
    }
}
