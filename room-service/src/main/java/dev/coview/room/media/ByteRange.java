package dev.coview.room.media;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP byte range (RFC 9110 §14) of a file of {@code size} bytes, inclusive on both ends.
 *
 * @param first first byte
 * @param last  last byte (inclusive)
 * @param size  the whole file's size
 */
public record ByteRange(long first, long last, long size) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** Thrown for a well-formed range that lies outside the file: answer 416 with {@code Content-Range: bytes *}. */
    public static final class Unsatisfiable extends Exception {
        public Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    /**
     * The range {@code header} asks for. Empty (serve the whole file, 200) when there is no header, when it is not a
     * single {@code bytes} range (several ranges, other units: RFC 9110 lets a server ignore those) or when it is
     * malformed.
     */
    public static Optional<ByteRange> parse(String header, long size) throws Unsatisfiable {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) { // suffix: the last n bytes
            long n = Long.parseLong(m.group(2));
            if (n == 0 || size == 0) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(Math.max(0, size - n), size - 1, size));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        if (last < first) {
            return Optional.empty(); // invalid: ignored, not unsatisfiable
        }
        if (first >= size) {
            throw new Unsatisfiable();
        }
        return Optional.of(new ByteRange(first, Math.min(last, size - 1), size));
    }

    /** Bytes in the range. */
    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value of a 206. */
    public String contentRange() {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
