package dev.coview.bench.core;

/**
 * Bench payloads carry their intended send time (a {@link System#nanoTime()} value: one clock for the whole
 * bench JVM) followed by padding to a realistic size.
 */
public final class Payloads {

    private Payloads() {
    }

    /** {@code <nanos>|xxxx…} of exactly {@code size} characters (or longer if the number needs it). */
    public static String stamped(long intendedNanos, int size) {
        StringBuilder sb = new StringBuilder(size).append(intendedNanos).append('|');
        while (sb.length() < size) {
            sb.append('x');
        }
        return sb.toString();
    }

    /** The intended send time of a {@link #stamped} payload. */
    public static long intendedOf(String payload) {
        int bar = payload.indexOf('|');
        return Long.parseLong(bar < 0 ? payload : payload.substring(0, bar));
    }
}
