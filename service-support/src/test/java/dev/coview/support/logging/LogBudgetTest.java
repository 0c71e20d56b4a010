package dev.coview.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogBudgetTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void oneLinePerIntervalThenTheCountOfThoseNotLogged() {
        LogBudget budget = new LogBudget(Duration.ofSeconds(1));
        long t = 123_456_789L;
        assertThat(budget.take(t)).as("the first is logged").isZero();
        for (int i = 0; i < 999; i++) {
            assertThat(budget.take(t + i * 1_000L)).isEqualTo(-1);
        }
        assertThat(budget.take(t + SECOND - 1)).as("still within the interval").isEqualTo(-1);
        assertThat(budget.take(t + SECOND)).as("the next line says how many were not logged").isEqualTo(1000);
        assertThat(budget.take(t + SECOND + 1)).isEqualTo(-1);
        assertThat(budget.take(t + 5 * SECOND)).isEqualTo(1);
    }

    @Test
    void worksAcrossTheWrapOfTheNanoClock() {
        LogBudget budget = new LogBudget(Duration.ofSeconds(1));
        long t = Long.MAX_VALUE - SECOND / 2;
        assertThat(budget.take(t)).isZero();
        assertThat(budget.take(t + SECOND / 4)).isEqualTo(-1);
        assertThat(budget.take(t + SECOND)).as("past the wrap").isEqualTo(1);
    }
}
