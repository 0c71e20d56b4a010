package dev.coview.annotation.rooms;

import dev.coview.contracts.annotation.Drawable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One author's undo and redo stacks. An action records, per element it touched, the element before and after;
 * undoing applies "before" as a new change (a new version), redoing applies "after". A new action clears the
 * redo stack, as in every editor.
 */
final class UndoHistory {

    /**
     * What an action did to one element. {@code before}/{@code after} are {@code null} when the action did not
     * change the drawable (a stroke's creation keeps whatever points it has when undone and redone).
     */
    record Change(String elementId, boolean deletedBefore, Drawable before, boolean deletedAfter, Drawable after) {
    }

    /** One undoable step: a stroke or shape drawn or replaced, an erase, a clear. */
    record Action(List<Change> changes) {
    }

    private final Deque<Action> undo = new ArrayDeque<>();
    private final Deque<Action> redo = new ArrayDeque<>();
    private final int depth;

    UndoHistory(int depth) {
        this.depth = depth;
    }

    void record(Action action) {
        undo.push(action);
        if (undo.size() > depth) {
            undo.removeLast();
        }
        redo.clear();
    }

    /** The action to undo, moved to the redo stack; {@code null} when there is none. */
    Action undo() {
        Action a = undo.poll();
        if (a != null) {
            redo.push(a);
        }
        return a;
    }

    /** The action to redo, moved back to the undo stack; {@code null} when there is none. */
    Action redo() {
        Action a = redo.poll();
        if (a != null) {
            undo.push(a);
        }
        return a;
    }

    int undoDepth() {
        return undo.size();
    }

    int redoDepth() {
        return redo.size();
    }
}
