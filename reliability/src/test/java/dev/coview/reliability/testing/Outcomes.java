package dev.coview.reliability.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** A table of what attacks observed, printed (the report a reader checks first), then compared with what must be. */
public final class Outcomes {

    private Outcomes() {
    }

    /** Prints {@code observed} under {@code title}, then asserts it holds exactly {@code expected}, in order. */
    public static <V> void printAndCompare(String title, Map<String, V> observed, Map<String, V> expected) {
        print(title, observed);
        assertThat(observed).containsExactlyEntriesOf(expected);
    }

    /** Prints {@code observed} under {@code title}, one {@code what -> outcome} line each. */
    public static void print(String title, Map<String, ?> observed) {
        System.out.println(title + ":");
        observed.forEach((k, v) -> System.out.println("  " + k + " -> " + v));
    }
}
