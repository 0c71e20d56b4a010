package dev.coview.bench.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RESULTS.md carries the browser bench's figures too, so that one file holds every figure (plain unit test). */
class ReportTest {

    @Test
    void theMediaFiguresAreKeptAtTheEndOfResults(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("MEDIA-browser.md"), "# Media path in the browser\n\n| path | p95 ms |\n");

        new Report(dir).write(List.of(), List.of());

        String results = Files.readString(dir.resolve("RESULTS.md"));
        assertThat(results).startsWith("# CoView benchmark results");
        assertThat(results).endsWith(Report.MEDIA_MARKER + "\n## Media path in the browser\n\n| path | p95 ms |\n");
    }

    @Test
    void withoutABrowserRunThereIsNoMediaSection(@TempDir Path dir) throws Exception {
        new Report(dir).write(List.of(), List.of());

        assertThat(Files.readString(dir.resolve("RESULTS.md"))).doesNotContain(Report.MEDIA_MARKER);
    }
}
