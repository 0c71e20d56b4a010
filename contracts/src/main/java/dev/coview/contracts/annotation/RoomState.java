package dev.coview.contracts.annotation;

import java.util.List;
import java.util.Map;

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
public record RoomState(long seq, List<Element> elements, Crop crop, List<Rect> masks,
                        boolean paused, Frozen freeze, PendingReference reference, List<AuthorHistory> history,
                        ActiveRecording recording, Map<String, ShareContent> shares)
        implements AnnotationServerMessage {
    public static final String TYPE = "state";

    /** A state of a room where only the customer shared. */
    public RoomState(long seq, List<Element> elements, Crop crop, List<Rect> masks,
                     boolean paused, Frozen freeze, PendingReference reference, List<AuthorHistory> history,
                     ActiveRecording recording) {
        this(seq, elements, crop, masks, paused, freeze, reference, history, recording, null);
    }
}
