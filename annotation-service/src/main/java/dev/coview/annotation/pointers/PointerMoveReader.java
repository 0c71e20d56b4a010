package dev.coview.annotation.pointers;

import dev.coview.contracts.annotation.Pointer;

/**
 * Reads a pointer move in the exact form the web client sends it, {@code {"type":"pointer","x":<n>,"y":<n>}}
 * (no spaces, fields in that order), without Jackson. Pointer moves are most of the inbound traffic (60 a second
 * per pointer) and general decoding was the largest cost left on the accepting event loop (JFR, issue 11). Anything
 * else, including every odd spelling of a pointer move, returns {@code null} and goes through the general decoder,
 * so what is accepted, refused or closed is decided as before; the move read here is then checked (grant, range)
 * like any other message.
 */
public final class PointerMoveReader {

    private static final String HEAD = "{\"type\":\"pointer\",\"x\":";
    private static final String MIDDLE = ",\"y\":";

    private PointerMoveReader() {
    }

    /** The move, or {@code null} when {@code text} is not a pointer move in the canonical form. */
    public static Pointer read(String text) {
        if (!text.startsWith(HEAD) || text.charAt(text.length() - 1) != '}') {
            return null;
        }
        int xStart = HEAD.length();
        int xEnd = numberEnd(text, xStart);
        if (xEnd < 0 || !text.startsWith(MIDDLE, xEnd)) {
            return null;
        }
        int yStart = xEnd + MIDDLE.length();
        int yEnd = numberEnd(text, yStart);
        if (yEnd != text.length() - 1) {
            return null;
        }
        return new Pointer(number(text, xStart, xEnd), number(text, yStart, yEnd));
    }

    /**
     * The double Jackson reads for the token: both round to nearest; an integer token ({@code -0} included) is an
     * integer to Jackson first, so it has no negative zero.
     */
    private static double number(String text, int start, int end) {
        String token = text.substring(start, end);
        double value = Double.parseDouble(token);
        if (value == 0 && token.indexOf('.') < 0 && token.indexOf('e') < 0 && token.indexOf('E') < 0) {
            return 0.0;
        }
        return value;
    }

    /**
     * End (exclusive) of the JSON number starting at {@code i} ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?},
     * RFC 8259), or -1 when there is none.
     */
    static int numberEnd(String s, int i) {
        int n = s.length();
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return -1;
        }
        if (s.charAt(i) == '0') {
            i++;
        } else if (digit(s.charAt(i))) {
            i = digits(s, i);
        } else {
            return -1;
        }
        if (i < n && s.charAt(i) == '.') {
            int after = digits(s, i + 1);
            if (after == i + 1) {
                return -1;
            }
            i = after;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int after = digits(s, i);
            if (after == i) {
                return -1;
            }
            i = after;
        }
        return i;
    }

    private static int digits(String s, int i) {
        while (i < s.length() && digit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
