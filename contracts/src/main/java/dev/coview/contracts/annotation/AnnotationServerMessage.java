package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * Messages the service sends on {@code /ws/annotations}. A client first receives one {@link State} (preceded by
 * {@link StateElements} frames when the room holds more than one frame's worth of elements), then every
 * {@link Event} of the room after the state's {@code seq}, with no gap and no duplicate; {@link Error} when a
 * message is refused (the socket stays open). Schemas: {@code schemas/annotation/server/<type>.json}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AnnotationServerMessage.State.class, name = AnnotationServerMessage.State.TYPE),
        @JsonSubTypes.Type(value = AnnotationServerMessage.StateElements.class,
                name = AnnotationServerMessage.StateElements.TYPE),
        @JsonSubTypes.Type(value = AnnotationServerMessage.Event.class, name = AnnotationServerMessage.Event.TYPE),
        @JsonSubTypes.Type(value = AnnotationServerMessage.Error.class, name = AnnotationServerMessage.Error.TYPE),
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface AnnotationServerMessage {

    /**
     * The room as of {@code seq}: what a late joiner or a reconnecting client draws before any live event.
     *
     * @param seq       the number of durable events the room has had; the next event has {@code seq + 1}
     * @param elements  strokes and shapes in the order they were first drawn, deleted ones included (an undo may
     *                  bring them back); vanishing ink is never state
     * @param crop      the customer's current crop, {@code null} before the first
     * @param masks     the customer's privacy masks (empty: none)
     * @param paused    the customer's share is paused
     * @param freeze    the frozen frame, {@code null} when not frozen
     * @param reference the link the agent pushed that the customer has not answered yet, or {@code null}
     * @param history   per author: how many actions they can undo and redo now
     * @param recording the recording running now, or {@code null} (the customer's page shows it while it runs)
     * @param shares    the other shares' crop, masks and pause, by {@code shareId} ({@code agent}); absent while
     *                  only the customer ever shared (the customer's are {@code crop}, {@code masks}, {@code paused})
     */
    record State(long seq, List<Element> elements, Crop crop, List<Rect> masks,
                 boolean paused, Frozen freeze, PendingReference reference, List<AuthorHistory> history,
                 ActiveRecording recording, Map<String, ShareContent> shares)
            implements AnnotationServerMessage {
        public static final String TYPE = "state";

        /** A state of a room where only the customer shared. */
        public State(long seq, List<Element> elements, Crop crop, List<Rect> masks,
                     boolean paused, Frozen freeze, PendingReference reference, List<AuthorHistory> history,
                     ActiveRecording recording) {
            this(seq, elements, crop, masks, paused, freeze, reference, history, recording, null);
        }
    }

    /**
     * What one share shows of its source: its crop ({@code null} before the first), masks (empty: none), pause.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ShareContent(Crop crop, List<Rect> masks, boolean paused) {

        public ShareContent withCrop(Crop next) {
            return new ShareContent(next, masks, paused);
        }

        public ShareContent withMasks(List<Rect> next) {
            return new ShareContent(crop, next, paused);
        }

        public ShareContent withPaused(boolean next) {
            return new ShareContent(crop, masks, next);
        }
    }

    /**
     * Part of the state, sent ahead of the {@link State} it belongs to so that no frame carries a whole room: a
     * client keeps the parts, in order, and puts their elements before the {@link State}'s own. Each part is at
     * most about 64 KiB of JSON (an element larger than that comes alone).
     *
     * @param elements the next elements in the room's order
     */
    record StateElements(List<Element> elements) implements AnnotationServerMessage {
        public static final String TYPE = "state.elements";
    }

    /**
     * One event of the room, as the service stamped it. The same record (without {@code seq} and
     * {@code changes}) is the value of the Kafka record on {@code coview.annotations} or {@code coview.pointers}.
     *
     * @param eventId  unique id the service gave the event; a redelivered record with a known id is ignored
     * @param roomId   the room
     * @param authorId participant who sent it
     * @param seq      the room's sequence number (1, 2, …): set for durable events, absent for pointer traffic
     * @param ts       when the service accepted it, epoch milliseconds
     * @param event    what the participant sent
     * @param changes  elements the event changed, as they are now (drawing events only; for undo, redo, erase and
     *                 clear this is how a client learns what changed)
     */
    record Event(String eventId, String roomId, String authorId, Long seq, long ts, AnnotationClientMessage event,
                 List<Element> changes) implements AnnotationServerMessage {
        public static final String TYPE = "event";

        /** The same event with the room's {@code seq} and the elements it changed. */
        public Event sequenced(long seq, List<Element> changes) {
            return new Event(eventId, roomId, authorId, seq, ts, event, changes);
        }
    }

    /** A message was refused; codes are those of {@code dev.coview.contracts.ws.ErrorCodes}. */
    record Error(String code, String message) implements AnnotationServerMessage {
        public static final String TYPE = "error";
    }

    /**
     * A frozen frame: who froze it, the snapshot shown once uploaded (absent until then), and of which share
     * (absent: the customer's).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Frozen(String authorId, String snapshotId, String shareId) {

        /** A frame of the customer's share. */
        public Frozen(String authorId, String snapshotId) {
            this(authorId, snapshotId, null);
        }
    }

    /** A pushed link waiting for the customer's answer. */
    record PendingReference(String eventId, String authorId, String url) {
    }

    /** A recording in progress: who records, and room-service's id of it (absent if the agent did not say). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ActiveRecording(String authorId, String recordingId) {
    }

    /** How many actions {@code authorId} can undo and redo. */
    record AuthorHistory(String authorId, int undo, int redo) {
    }
}
