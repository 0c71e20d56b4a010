package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Messages a client sends on {@code /ws/annotations}: {@code {"type": …, …}}. Coordinates are fractions (0..1) of
 * the source (screen) space, never of a window, so drawings stay on the same content when the crop changes. The
 * schema of each type is {@code schemas/annotation/<type>.json} in this module.
 *
 * <p>The service checks each message against the sender's grants, validates it, stamps it into an
 * {@link RoomEvent} and relays it to every participant of the room (the sender included:
 * the echo tells a client the order the room agreed on).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Pointer.class, name = Pointer.TYPE),
        @JsonSubTypes.Type(value = PointerHide.class, name = PointerHide.TYPE),
        @JsonSubTypes.Type(value = Stroke.class, name = Stroke.TYPE),
        @JsonSubTypes.Type(value = Ink.class, name = Ink.TYPE),
        @JsonSubTypes.Type(value = Shape.class, name = Shape.TYPE),
        @JsonSubTypes.Type(value = Erase.class, name = Erase.TYPE),
        @JsonSubTypes.Type(value = Undo.class, name = Undo.TYPE),
        @JsonSubTypes.Type(value = Redo.class, name = Redo.TYPE),
        @JsonSubTypes.Type(value = Clear.class, name = Clear.TYPE),
        @JsonSubTypes.Type(value = Crop.class, name = Crop.TYPE),
        @JsonSubTypes.Type(value = CropRequest.class, name = CropRequest.TYPE),
        @JsonSubTypes.Type(value = Masks.class, name = Masks.TYPE),
        @JsonSubTypes.Type(value = Pause.class, name = Pause.TYPE),
        @JsonSubTypes.Type(value = Freeze.class, name = Freeze.TYPE),
        @JsonSubTypes.Type(value = ReferencePush.class, name = ReferencePush.TYPE),
        @JsonSubTypes.Type(value = ReferenceAnswer.class, name = ReferenceAnswer.TYPE),
        @JsonSubTypes.Type(value = SnapshotNotice.class, name = SnapshotNotice.TYPE),
        @JsonSubTypes.Type(value = RecordingRequest.class, name = RecordingRequest.TYPE),
        @JsonSubTypes.Type(value = RecordingConsent.class, name = RecordingConsent.TYPE),
        @JsonSubTypes.Type(value = Recording.class, name = Recording.TYPE),
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface AnnotationClientMessage permits Pointer, PointerHide, Stroke, Ink, Shape, Erase, Undo, Redo,
        Clear, Crop, CropRequest, Masks, Pause, Freeze, ReferencePush, ReferenceAnswer, SnapshotNotice, RecordingRequest,
        RecordingConsent, Recording {

    /** The wire {@code type}: the record's {@code TYPE}, looked up once for all types ({@link WireNames}). */
    default String type() {
        return match(WireNames.INSTANCE);
    }

    /**
     * Whether the message is durable (goes to {@code coview.annotations} and into the room's state); pointer
     * traffic is not: it is relayed through {@code coview.pointers} and never becomes state ({@link Volatile}).
     */
    default boolean durable() {
        return !(this instanceof Volatile);
    }

    /**
     * The messages that are not {@link #durable()}: pointer traffic, relayed and forgotten. A marker rather than a
     * subtype of this interface, so that every message type stays a direct subtype that {@link Cases} names.
     */
    sealed interface Volatile permits Pointer, PointerHide, Ink {
    }

    /**
     * Hands this message to the method of {@code cases} for its type. Every type has a method of its own and no
     * method has a default, so a new type does not compile until it adds one, and then every {@link Cases} (the
     * service's per-type rules) does not compile until it says what the new type does.
     */
    <R> R match(Cases<R> cases);

    /** One method per message type: what a handler does with it ({@link #match}). */
    interface Cases<R> {
        R pointer(Pointer m);
        R pointerHide(PointerHide m);
        R stroke(Stroke m);
        R ink(Ink m);
        R shape(Shape m);
        R erase(Erase m);
        R undo(Undo m);
        R redo(Redo m);
        R clear(Clear m);
        R crop(Crop m);
        R cropRequest(CropRequest m);
        R masks(Masks m);
        R pause(Pause m);
        R freeze(Freeze m);
        R referencePush(ReferencePush m);
        R referenceAnswer(ReferenceAnswer m);
        R snapshotNotice(SnapshotNotice m);
        R recordingRequest(RecordingRequest m);
        R recordingConsent(RecordingConsent m);
        R recording(Recording m);
    }
}
