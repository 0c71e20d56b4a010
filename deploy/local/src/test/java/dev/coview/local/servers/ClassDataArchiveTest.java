package dev.coview.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    private static final Instant BUILT = Instant.parse("2026-12-06T15:43:00Z");

    @Test
    void anArchiveOlderThanAnyFileOfTheApplicationIsDeletedSoTheNextExitWritesAFreshOne(@TempDir Path dir)
            throws Exception {
        Path app = application(dir);
        Path archive = file(dir.resolve("cds/room-service-1.jsa"), BUILT.plusSeconds(60));
        // A rebuild rewrote the service's own jar after the archive was written.
        Files.setLastModifiedTime(app.resolve("app/room-service.jar"), FileTime.from(BUILT.plusSeconds(120)));

        assertThat(ClassDataArchive.dropIfStale(archive, app)).isTrue();
        assertThat(archive).doesNotExist();
    }

    @Test
    void anArchiveWrittenAfterTheBuildIsKept(@TempDir Path dir) throws Exception {
        Path app = application(dir);
        Path archive = file(dir.resolve("cds/room-service-1.jsa"), BUILT.plusSeconds(60));

        assertThat(ClassDataArchive.dropIfStale(archive, app)).isFalse();
        assertThat(archive).exists();
        assertThat(ClassDataArchive.dropIfStale(dir.resolve("cds/none.jsa"), app)).isFalse();
        assertThat(ClassDataArchive.dropIfStale(archive, dir.resolve("not-packaged"))).isFalse();
        assertThat(archive).exists();
    }

    private static Path application(Path dir) throws Exception {
        Path app = dir.resolve("quarkus-app");
        file(app.resolve("quarkus-run.jar"), BUILT);
        file(app.resolve("app/room-service.jar"), BUILT);
        file(app.resolve("lib/main/io.vertx.vertx-core.jar"), BUILT);
        return app;
    }

    private static Path file(Path path, Instant modified) throws Exception {
        Files.createDirectories(path.getParent());
        Files.write(path, new byte[] {1});
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }
}
