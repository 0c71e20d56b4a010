package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.coview.contracts.auth.Access;
import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import java.util.List;

/**
 * Messages a client sends on {@code /ws/annotations}: {@code {"type": …, …}}. Coordinates are fractions (0..1) of
 * the source (screen) space, never of a window, so drawings stay on the same content when the crop changes. The
 * schema of each type is {@code schemas/annotation/<type>.json} in this module.
 *
 * <p>The service checks each message against the sender's grants, validates it, stamps it into an
 * {@link AnnotationServerMessage.Event} and relays it to every participant of the room (the sender included:
 * the echo tells a client the order the room agreed on).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AnnotationClientMessage.Pointer.class, name = AnnotationClientMessage.Pointer.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.PointerHide.class, name = AnnotationClientMessage.PointerHide.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.Stroke.class, name = AnnotationClientMessage.Stroke.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.Ink.class, name = AnnotationClientMessage.Ink.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.Shape.class, name = AnnotationClientMessage.Shape.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.Erase.class, name = AnnotationClientMessage.Erase.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.Undo.class, name = AnnotationClientMessage.Undo.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.Redo.class, name = AnnotationClientMessage.Redo.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.Clear.class, name = AnnotationClientMessage.Clear.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.Crop.class, name = AnnotationClientMessage.Crop.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.CropRequest.class, name = AnnotationClientMessage.CropRequest.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.Masks.class, name = AnnotationClientMessage.Masks.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.Pause.class, name = AnnotationClientMessage.Pause.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.Freeze.class, name = AnnotationClientMessage.Freeze.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.ReferencePush.class, name = AnnotationClientMessage.ReferencePush.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.ReferenceAnswer.class, name = AnnotationClientMessage.ReferenceAnswer.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.SnapshotSaved.class, name = AnnotationClientMessage.SnapshotSaved.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.RecordingRequest.class, name = AnnotationClientMessage.RecordingRequest.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.RecordingConsent.class, name = AnnotationClientMessage.RecordingConsent.TYPE),
        @JsonSubTypes.Type(value = AnnotationClientMessage.Recording.class, name = AnnotationClientMessage.Recording.TYPE),
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface AnnotationClientMessage {

    /** The wire {@code type}. */
    String type();

    /**
     * Who may send it: each type declares its own (no default), so a new type cannot ship without one. Services check
     * it for every message.
     */
    Access access();

    /**
     * Whether the message is durable (goes to {@code coview.annotations} and into the room's state); pointer
     * traffic is not: it is relayed through {@code coview.pointers} and never becomes state.
     */
    default boolean durable() {
        return true;
    }

    /** Laser pointer at ({@code x}, {@code y}); clients send at most one per animation frame. */
    record Pointer(@JsonProperty(required = true) double x, @JsonProperty(required = true) double y,
                   String shareId)
            implements AnnotationClientMessage, Shares.OnShare {
        public static final String TYPE = "pointer";

        /** On the customer's share. */
        public Pointer(double x, double y) {
            this(x, y, null);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.ANNOTATE);
        }

        @Override
        public boolean durable() {
            return false;
        }
    }

    /** The sender's pointer left the content. */
    record PointerHide() implements AnnotationClientMessage {
        public static final String TYPE = "pointer.hide";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.ANNOTATE);
        }

        @Override
        public boolean durable() {
            return false;
        }
    }

    /**
     * A freehand stroke, whole ({@code phase} absent) or in parts while it is drawn ({@code begin}, {@code append}
     * …, {@code end}). {@code points} is flat: {@code [x0, y0, x1, y1, …]}. {@code tool}, {@code color} and
     * {@code width} are required whole and at {@code begin}, ignored after. {@code width} is a fraction of the
     * source width.
     */
    record Stroke(@JsonProperty(required = true) String id, StrokePhase phase, StrokeTool tool, String color,
                  Double width, @JsonProperty(required = true) double[] points, String shareId)
            implements AnnotationClientMessage, Drawable, Shares.OnShare {
        public static final String TYPE = "stroke";

        /** On the customer's share. */
        public Stroke(String id, StrokePhase phase, StrokeTool tool, String color, Double width, double[] points) {
            this(id, phase, tool, color, width, points, null);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.ANNOTATE);
        }
    }

    /**
     * Live ink: the points stroke {@code id} gained since its previous ink, sent while the pen still moves (at most
     * once per animation frame), so the others see the line being drawn at pointer latency. Volatile like the
     * pointer: relayed through {@code coview.pointers} to everybody but its author and never state; the finished
     * stroke follows as one whole {@link Stroke} with the same id, the only copy the log and late joiners see.
     */
    record Ink(@JsonProperty(required = true) String id, @JsonProperty(required = true) StrokeTool tool,
               @JsonProperty(required = true) String color, @JsonProperty(required = true) double width,
               @JsonProperty(required = true) double[] points, String shareId)
            implements AnnotationClientMessage, Shares.OnShare {
        public static final String TYPE = "ink";

        /** On the customer's share. */
        public Ink(String id, StrokeTool tool, String color, double width, double[] points) {
            this(id, tool, color, width, points, null);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.ANNOTATE);
        }

        @Override
        public boolean durable() {
            return false;
        }
    }

    /**
     * An arrow, rectangle, ellipse or text between ({@code x1}, {@code y1}) and ({@code x2}, {@code y2}). Sending a
     * shape with an existing id of one's own replaces it (a move or an edit). {@code text} only for kind text.
     */
    record Shape(@JsonProperty(required = true) String id, @JsonProperty(required = true) ShapeKind kind,
                 @JsonProperty(required = true) double x1, @JsonProperty(required = true) double y1,
                 @JsonProperty(required = true) double x2, @JsonProperty(required = true) double y2,
                 @JsonProperty(required = true) String color, @JsonProperty(required = true) double width,
                 String text, String shareId)
            implements AnnotationClientMessage, Drawable, Shares.OnShare {
        public static final String TYPE = "shape";

        /** On the customer's share. */
        public Shape(String id, ShapeKind kind, double x1, double y1, double x2, double y2, String color,
                     double width, String text) {
            this(id, kind, x1, y1, x2, y2, color, width, text, null);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.ANNOTATE);
        }
    }

    /** Deletes one element: one's own, or anybody's with grant {@code admin}. */
    record Erase(@JsonProperty(required = true) String id) implements AnnotationClientMessage {
        public static final String TYPE = "erase";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.ANNOTATE);
        }
    }

    /** Undoes the sender's last drawing action (stroke, shape, erase, clear); a new event, not a rewrite. */
    record Undo() implements AnnotationClientMessage {
        public static final String TYPE = "undo";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.ANNOTATE);
        }
    }

    /** Redoes the sender's last undone action. */
    record Redo() implements AnnotationClientMessage {
        public static final String TYPE = "redo";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.ANNOTATE);
        }
    }

    /** Deletes the sender's elements ({@code own}) or everybody's ({@code all}, grant {@code admin}). */
    record Clear(@JsonProperty(required = true) ClearScope scope) implements AnnotationClientMessage {
        public static final String TYPE = "clear";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(scope == ClearScope.ALL ? Grant.ADMIN : Grant.ANNOTATE);
        }
    }

    /**
     * A share's crop (the customer's unless {@code shareId} says otherwise): the rectangle of the source that is
     * encoded and sent, as fractions of the source whose size in pixels is {@code sourceW} × {@code sourceH}.
     */
    record Crop(@JsonProperty(required = true) double x, @JsonProperty(required = true) double y,
                @JsonProperty(required = true) double w, @JsonProperty(required = true) double h,
                @JsonProperty(required = true) int sourceW, @JsonProperty(required = true) int sourceH,
                String shareId)
            implements AnnotationClientMessage, Shares.SharerSetting {
        public static final String TYPE = "crop";

        /** The customer's crop. */
        public Crop(double x, double y, double w, double h, int sourceW, int sourceH) {
            this(x, y, w, h, sourceW, sourceH, null);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.SHARE);
        }
    }

    /** The agent asks the customer to crop to this rectangle; the customer's client applies it only if allowed. */
    record CropRequest(@JsonProperty(required = true) double x, @JsonProperty(required = true) double y,
                       @JsonProperty(required = true) double w, @JsonProperty(required = true) double h)
            implements AnnotationClientMessage {
        public static final String TYPE = "crop.request";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.ADMIN);
        }
    }

    /** A share's privacy masks, blacked out before encoding; the whole list each time (empty: none). */
    record Masks(@JsonProperty(required = true) List<Rect> rects, String shareId)
            implements AnnotationClientMessage, Shares.SharerSetting {
        public static final String TYPE = "masks";

        /** The customer's masks. */
        public Masks(List<Rect> rects) {
            this(rects, null);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.SHARE);
        }
    }

    /** A sharer paused their share (black frames) or resumed it. */
    record Pause(@JsonProperty(required = true) boolean on, String shareId)
            implements AnnotationClientMessage, Shares.SharerSetting {
        public static final String TYPE = "pause";

        /** The customer's pause. */
        public Pause(boolean on) {
            this(on, null);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.SHARE);
        }
    }

    /** The agent froze the shared frame (with the snapshot both sides show, once uploaded) or unfroze it. */
    record Freeze(@JsonProperty(required = true) boolean on, String snapshotId, String shareId)
            implements AnnotationClientMessage, Shares.OnShare {
        public static final String TYPE = "freeze";

        /** Of the customer's share. */
        public Freeze(boolean on, String snapshotId) {
            this(on, snapshotId, null);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.FREEZE);
        }
    }

    /** The agent offers the customer a link (http or https, maybe restricted to an allowlist of domains). */
    record ReferencePush(@JsonProperty(required = true) String url) implements AnnotationClientMessage {
        public static final String TYPE = "reference.push";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.PUSH);
        }
    }

    /** The customer opened ({@code accepted}) or declined the pending reference. */
    record ReferenceAnswer(@JsonProperty(required = true) boolean accepted) implements AnnotationClientMessage {
        public static final String TYPE = "reference.answer";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.role(Role.CUSTOMER);
        }
    }

    /** The agent saved an annotated snapshot (stored by room-service under {@code snapshotId}). */
    record SnapshotSaved(@JsonProperty(required = true) String snapshotId) implements AnnotationClientMessage {
        public static final String TYPE = "snapshot.saved";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.FREEZE);
        }
    }

    /**
     * The agent asks the customer's consent to record the session. {@code requestId} is the agent's id for this
     * question; the customer's {@link RecordingConsent} names it. A new request replaces an unanswered one.
     */
    record RecordingRequest(@JsonProperty(required = true) String requestId) implements AnnotationClientMessage {
        public static final String TYPE = "recording.request";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.RECORD);
        }
    }

    /** The customer's answer to the pending {@link RecordingRequest} {@code requestId}. */
    record RecordingConsent(@JsonProperty(required = true) String requestId,
                            @JsonProperty(required = true) boolean granted) implements AnnotationClientMessage {
        public static final String TYPE = "recording.consent";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.role(Role.CUSTOMER);
        }
    }

    /**
     * The agent started recording (room-service's {@code recordingId}) or stopped. Starting needs the customer's
     * consent to the agent's last request, and each consent allows one recording: the customer is asked again for
     * the next one.
     */
    record Recording(@JsonProperty(required = true) boolean on, String recordingId)
            implements AnnotationClientMessage {
        public static final String TYPE = "recording";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Access access() {
            return Access.grant(Grant.RECORD);
        }
    }
}
