package dev.coview.contracts.annotation;

/**
 * A drawable in a room's state, after Excalidraw and tldraw: the room's order ({@code seq}) decides and the last
 * writer wins per element. Undo and erase never remove an element; they flip {@code deleted} and bump
 * {@code version}, so a client applies any element it receives when its version is newer than the one it has.
 *
 * @param id       the drawable's id
 * @param authorId participant who drew it
 * @param version  1 when drawn, +1 on every change (points appended, replaced, erased, undone, redone)
 * @param deleted  erased, cleared or undone; kept so that an undo can bring it back
 * @param drawable the stroke (without phase) or shape as it is now
 */
public record Element(String id, String authorId, long version, boolean deleted, Drawable drawable) {
}
