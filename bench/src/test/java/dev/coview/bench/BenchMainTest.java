package dev.coview.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The command line: a typo must be refused, not silently run every default scenario for ten minutes. */
class BenchMainTest {

    @Test
    void optionsComeInPairs() {
        assertThat(BenchMain.parse(new String[] {"--only", "rest", "--rest-rate", "500"}))
                .containsEntry("only", "rest").containsEntry("rest-rate", "500").hasSize(2);
    }

    @Test
    void anUnknownOptionOrOneWithoutAValueIsRefused() {
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--level", "5"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --level");
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--only"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes a value");
        assertThat(BenchMain.usage()).contains("levels", "rest-rate");
    }
}
