package dev.coview.local.testing;

import java.util.OptionalDouble;

/**
 * Reads one series out of Prometheus' text format (what {@code /q/metrics} on a service's management port answers),
 * for tests that check a meter moved.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The value of the first series whose line starts with {@code series}, e.g.
     * {@code coview_join_attempts_total{outcome="joined"} } or {@code coview_rooms_active}; empty when none does.
     */
    public static OptionalDouble value(String text, String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series) && !line.startsWith("#")) {
                String rest = line.substring(series.length());
                // The name must end here: "coview_rooms_active" must not match "coview_rooms_active_max".
                if (!rest.isEmpty() && (Character.isLetterOrDigit(rest.charAt(0)) || rest.charAt(0) == '_')) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                return OptionalDouble.of(Double.parseDouble(parts[parts.length - 1]));
            }
        }
        return OptionalDouble.empty();
    }

    /** {@link #value} or 0 when the series is not there yet (a counter never incremented may be absent). */
    public static double valueOrZero(String text, String series) {
        return value(text, series).orElse(0);
    }
}
