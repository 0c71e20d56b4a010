package dev.coview.room.media.storage;

import dev.coview.room.config.RoomConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code coview_media_volume_free_bytes} and {@code coview_media_volume_size_bytes}: the space left on, and the size
 * of, the file system that holds snapshots and recordings ({@code coview.room.storage.directory}). Read at each
 * scrape (one {@code statvfs}); NaN when the directory cannot be examined.
 */
@ApplicationScoped
public class MediaVolumeMetrics {

    void register(@Observes StartupEvent event, MeterRegistry registry, RoomConfig config) {
        Path directory = Path.of(config.storage().directory());
        Gauge.builder("coview.media.volume.free", directory, d -> space(d, true)).baseUnit("bytes")
                .description("usable space left on the media volume").register(registry);
        Gauge.builder("coview.media.volume.size", directory, d -> space(d, false)).baseUnit("bytes")
                .description("total size of the media volume").register(registry);
    }

    private static double space(Path directory, boolean free) {
        try {
            FileStore store = Files.getFileStore(directory);
            return free ? store.getUsableSpace() : store.getTotalSpace();
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
