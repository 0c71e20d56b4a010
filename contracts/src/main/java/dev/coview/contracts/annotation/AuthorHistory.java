package dev.coview.contracts.annotation;

/** How many actions {@code authorId} can undo and redo. */
public record AuthorHistory(String authorId, int undo, int redo) {
}
