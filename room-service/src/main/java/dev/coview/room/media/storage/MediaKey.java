package dev.coview.room.media.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where one file (or folder) of a room's media lives in a {@link MediaStore}: the room id, then path segments.
 * Every segment is checked against a strict pattern (letters, digits, {@code _}, {@code -}, one optional short
 * extension), so no key can name {@code ..}, an absolute path or a separator, whatever a request carried.
 *
 * @param roomId   the room (base64url id)
 * @param segments the path below the room, e.g. {@code [snapshots, <id>, original.png]}
 */
public record MediaKey(String roomId, List<String> segments) {

    /** Room, snapshot and recording ids: base64url, 128 bits. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,64}(\\.[a-z0-9]{1,8})?");

    public MediaKey {
        if (roomId == null || !ID.matcher(roomId).matches()) {
            throw new IllegalArgumentException("not a room id");
        }
        for (String s : segments) {
            if (s == null || !SEGMENT.matcher(s).matches()) {
                throw new IllegalArgumentException("not a media path segment: " + s);
            }
        }
        segments = List.copyOf(segments);
    }

    /** The folder of all media of {@code roomId}. */
    public static MediaKey room(String roomId) {
        return new MediaKey(roomId, List.of());
    }

    /** A key one level below this one. */
    public MediaKey child(String segment) {
        List<String> more = new ArrayList<>(segments);
        more.add(segment);
        return new MediaKey(roomId, more);
    }

    /** True when {@code id} is a well-formed base64url id (what path parameters must be before any lookup). */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    @Override
    public String toString() {
        return roomId + (segments.isEmpty() ? "" : "/" + String.join("/", segments));
    }
}
