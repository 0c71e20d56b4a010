package dev.coview.local.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/**
 * Keeps a service's dynamic class-data archive ({@link ServiceJvm#classDataSharing}) in step with its packaged
 * application. After a rebuild the JVM (JDK 25) refuses the old archive ("shared class paths mismatch": a jar's
 * timestamp changed), runs without it and, although {@code -XX:+AutoCreateSharedArchive} is on, never writes a new
 * one: every later start then pays the archive-less start and, measured under the REST bench, room-service held
 * 334-344 MB RSS instead of 264-291 MB (NMT: Metaspace 59 MB beside 83 MB of shared class space). Removing an archive older
 * than the application makes the next exit write a fresh one, which is what the JVM does when there is none.
 */
final class ClassDataArchive {

    private ClassDataArchive() {
    }

    /**
     * Deletes {@code archive} if any file of {@code application} (the {@code quarkus-app} directory) is newer.
     *
     * @return whether it was deleted
     */
    static boolean dropIfStale(Path archive, Path application) throws IOException {
        if (!Files.isRegularFile(archive) || !Files.isDirectory(application)) {
            return false;
        }
        FileTime written = Files.getLastModifiedTime(archive);
        try (Stream<Path> files = Files.walk(application)) {
            boolean stale = files.filter(Files::isRegularFile).anyMatch(f -> newer(f, written));
            return stale && Files.deleteIfExists(archive);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean newer(Path file, FileTime than) {
        try {
            return Files.getLastModifiedTime(file).compareTo(than) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
