package dev.coview.annotation.rooms;

import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.Shape;
import dev.coview.contracts.annotation.Stroke;
import dev.coview.contracts.annotation.StrokePhase;
import dev.coview.contracts.annotation.StrokeTool;

/**
 * What a durable event may add to a room's state: elements, points and an estimate of the bytes they take on the
 * heap. The estimate is conservative (a shape's edits count each time: the undo history keeps them) and the same on
 * every instance, so the room budgets it is checked against decide the same everywhere.
 *
 * @param elements new elements (strokes and shapes)
 * @param points   points added to strokes (each point is two numbers)
 * @param bytes    estimated bytes on the heap
 */
record Cost(int elements, long points, long bytes) {

    static final Cost NONE = new Cost(0, 0, 0);
    /** An element besides its points and text: the element, its drawable, its map entry, its history change. */
    static final long ELEMENT_BYTES = 256;
    /** A point: two doubles. */
    static final long POINT_BYTES = 16;
    /** A character of a shape's text. */
    static final long CHAR_BYTES = 2;

    /**
     * The cost of {@code message} if it adds to the room; {@code isNew}: whether a shape creates its element (an
     * edit of one adds only its text). Anything that only changes or deletes what exists costs nothing.
     */
    static Cost of(AnnotationClientMessage message, boolean isNew) {
        if (message instanceof Stroke s) {
            if (s.tool() == StrokeTool.VANISH) {
                return NONE; // vanishing ink is relayed, never kept
            }
            long points = s.points() == null ? 0 : s.points().length / 2;
            boolean begins = s.phase() == null || s.phase() == StrokePhase.BEGIN;
            return new Cost(begins ? 1 : 0, points, (begins ? ELEMENT_BYTES : 0) + points * POINT_BYTES);
        }
        if (message instanceof Shape s) {
            long text = s.text() == null ? 0 : s.text().length() * CHAR_BYTES;
            return isNew ? new Cost(1, 0, ELEMENT_BYTES + text) : new Cost(0, 0, ELEMENT_BYTES / 4 + text);
        }
        return NONE;
    }

    boolean isNone() {
        return elements == 0 && points == 0 && bytes == 0;
    }

    Cost plus(Cost other) {
        return new Cost(elements + other.elements, points + other.points, bytes + other.bytes);
    }

    Cost minus(Cost other) {
        return new Cost(elements - other.elements, points - other.points, bytes - other.bytes);
    }
}
