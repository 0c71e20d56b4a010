package dev.coview.room.media.storage;

import dev.coview.room.config.RoomConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * {@link MediaStore} in a directory ({@code coview.room.storage.directory}): {@code <base>/<roomId>/<segments…>}.
 * Writes go to a temporary file in {@code <base>/.tmp} (same file system) and are then moved into place atomically
 * ({@code rename}), or hard-linked for {@link #putIfAbsent} (which fails atomically when the name exists), so a
 * reader or a crash never sees half a file. Every path is resolved from a {@link MediaKey} and checked to stay
 * under the base directory.
 */
@ApplicationScoped
public class DirectoryMediaStore implements MediaStore {

    private static final Logger LOG = Logger.getLogger(DirectoryMediaStore.class);
    private static final String TMP = ".tmp";

    private final Path base;

    @Inject
    public DirectoryMediaStore(RoomConfig config) {
        this(Path.of(config.storage().directory()));
    }

    /** A store in {@code base} (created when missing). */
    public DirectoryMediaStore(Path base) {
        this.base = base.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.base.resolve(TMP));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media directory " + this.base, e);
        }
    }

    @Override
    public long put(MediaKey key, InputStream content) throws IOException {
        Path target = resolve(key);
        Path tmp = write(content);
        try {
            Files.createDirectories(target.getParent());
            long size = Files.size(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return size;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public boolean putIfAbsent(MediaKey key, InputStream content) throws IOException {
        Path target = resolve(key);
        if (Files.exists(target)) {
            return false;
        }
        Path tmp = write(content);
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.createLink(target, tmp);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException exists) {
                    throw exists;
                }
                // A volume without hard links (some SMB shares): a move that refuses to replace, which checks and
                // renames in two steps; still never overwrites what another writer stored before the check.
                Files.move(tmp, target);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Optional<MediaInfo> info(MediaKey key) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(resolve(key), BasicFileAttributes.class);
            return a.isRegularFile()
                    ? Optional.of(new MediaInfo(a.size(), a.lastModifiedTime().toInstant()))
                    : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(MediaKey key, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(resolve(key), StandardOpenOption.READ);
        channel.position(offset);
        return new Limited(Channels.newInputStream(channel), length);
    }

    @Override
    public List<String> list(MediaKey folder) throws IOException {
        Path dir = resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Override
    public void delete(MediaKey key) throws IOException {
        deleteTree(resolve(key));
    }

    @Override
    public List<String> rooms() throws IOException {
        try (Stream<Path> children = Files.list(base)) {
            return children.map(p -> p.getFileName().toString()).filter(MediaKey::isId).sorted().toList();
        }
    }

    @Override
    public Optional<Instant> lastModified(String roomId) throws IOException {
        Path room = resolve(MediaKey.room(roomId));
        if (!Files.isDirectory(room)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(room)) {
            return files.filter(Files::isRegularFile).map(DirectoryMediaStore::modified)
                    .flatMap(Optional::stream).max(Comparator.naturalOrder());
        }
    }

    /** Deletes temporary files older than {@code cutoff}: left behind by a crash mid-write. */
    public int deleteStaleTemporaryFiles(Instant cutoff) throws IOException {
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(base.resolve(TMP))) {
            files.filter(p -> modified(p).map(t -> t.isBefore(cutoff)).orElse(false)).forEach(stale::add);
        }
        for (Path p : stale) {
            Files.deleteIfExists(p);
        }
        return stale.size();
    }

    /** The base directory, absolute. */
    public Path base() {
        return base;
    }

    private Path write(InputStream content) throws IOException {
        Path tmp = Files.createTempFile(base.resolve(TMP), "put-", ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            content.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    /** The path of {@code key}; the segments are already strict, the check below is the second line of defence. */
    Path resolve(MediaKey key) {
        Path p = base.resolve(key.roomId());
        for (String s : key.segments()) {
            p = p.resolve(s);
        }
        p = p.normalize();
        if (!p.startsWith(base) || p.equals(base)) {
            throw new IllegalArgumentException("media key outside the store: " + key);
        }
        return p;
    }

    private static Optional<Instant> modified(Path p) {
        try {
            return Optional.of(Files.getLastModifiedTime(p).toInstant());
        } catch (IOException e) {
            return Optional.empty(); // deleted meanwhile
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> files = Files.walk(root)) {
            all = files.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // Another instance's sweep may delete the same tree; what is gone is gone.
                LOG.debugf("could not delete %s: %s", p, e.getMessage());
            }
        }
    }

    /** At most {@code remaining} bytes of the underlying stream. */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }
    }
}
