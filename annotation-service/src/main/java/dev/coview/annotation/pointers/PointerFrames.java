package dev.coview.annotation.pointers;

/**
 * The newest pointer frame per (room, author) of one batch read from {@code coview.pointers}: a receiver never
 * gets a position that is already stale in the same batch (a backlog collapses to the latest position of each
 * pointer instead of replaying every move). Rooms keep the order in which their newest frames were read. Live ink
 * is never coalesced: each frame carries points the others do not have yet. Not thread-safe: one per relay thread,
 * reused for every batch.
 */
final class PointerFrames {

    private static final String AUTHOR = "\"authorId\":\"";
    /** How a pointer or pointer.hide event starts in a frame ({@code PointerFrame} and Jackson both write it so). */
    private static final String POINTER_EVENT = "\"event\":{\"type\":\"pointer";

    /** Key (room + author) → index in {@link #rooms}/{@link #frames} of its newest frame. */
    private final java.util.HashMap<String, Integer> slots = new java.util.HashMap<>();
    private final java.util.ArrayList<String> rooms = new java.util.ArrayList<>();
    private final java.util.ArrayList<String> authors = new java.util.ArrayList<>();
    private final java.util.ArrayList<String> frames = new java.util.ArrayList<>();
    private int superseded;

    /** Adds a frame read from the log; replaces the earlier frame of the same pointer in this batch. */
    void add(String roomId, String frame) {
        String author = author(frame);
        if (author == null || !frame.contains(POINTER_EVENT)) {
            // Live ink (every frame counts; still not sent back to its author), or not a frame this service wrote
            // (no author to coalesce by): relayed as it is.
            rooms.add(roomId);
            authors.add(author);
            frames.add(frame);
            return;
        }
        Integer at = slots.putIfAbsent(roomId + '\n' + author, frames.size());
        if (at == null) {
            rooms.add(roomId);
            authors.add(author);
            frames.add(frame);
        } else {
            frames.set(at, frame);
            superseded++;
        }
    }

    int size() {
        return frames.size();
    }

    String room(int i) {
        return rooms.get(i);
    }

    /** The author of frame {@code i}, {@code null} when it names none. */
    String author(int i) {
        return authors.get(i);
    }

    String frame(int i) {
        return frames.get(i);
    }

    /** Frames of this batch replaced by a newer one of the same pointer. */
    int superseded() {
        return superseded;
    }

    void clear() {
        slots.clear();
        rooms.clear();
        authors.clear();
        frames.clear();
        superseded = 0;
    }

    /**
     * The author id of a stamped event, found without parsing the frame: the service writes it with Jackson, ids
     * are plain tokens (no quotes or escapes, contracts {@code ids.json}), and the first {@code "authorId":"}
     * belongs to the envelope because the envelope's fields come before {@code event}.
     */
    static String author(String frame) {
        int start = frame.indexOf(AUTHOR);
        if (start < 0) {
            return null;
        }
        start += AUTHOR.length();
        int end = frame.indexOf('"', start);
        return end < 0 ? null : frame.substring(start, end);
    }
}
