package dev.coview.room.media.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory store on its own, in a JUnit temporary directory: keys, atomic writes, ranges, deletion. */
class DirectoryMediaStoreTest {

    private static final String ROOM = "AAAAAAAAAAAAAAAAAAAAAA";

    @TempDir
    Path dir;

    @Test
    void keysNeverLeaveTheBaseDirectory() {
        for (String bad : List.of("..", ".", "../x", "a/b", "/etc", "x\\y", "", "a..b.png/", "evil.PNG ")) {
            assertThatThrownBy(() -> MediaKey.room(ROOM).child(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (String badRoom : List.of("..", "../../../../etc/passwd", "short", ROOM + "A")) {
            assertThatThrownBy(() -> MediaKey.room(badRoom)).as(badRoom).isInstanceOf(IllegalArgumentException.class);
        }
        DirectoryMediaStore store = new DirectoryMediaStore(dir);
        Path resolved = store.resolve(MediaKey.room(ROOM).child("snapshots").child("original.png"));
        assertThat(resolved.startsWith(store.base())).isTrue();
        assertThat(resolved.endsWith(Path.of(ROOM, "snapshots", "original.png"))).isTrue();
    }

    @Test
    void putIfAbsentKeepsTheFirstWriteAndPutReplaces() throws IOException {
        DirectoryMediaStore store = new DirectoryMediaStore(dir);
        MediaKey key = MediaKey.room(ROOM).child("chunks").child("000000.webm");
        assertThat(store.putIfAbsent(key, bytes("first"))).isTrue();
        assertThat(store.putIfAbsent(key, bytes("second"))).isFalse();
        assertThat(read(store, key, 0, 5)).isEqualTo("first");
        assertThat(store.put(key, bytes("third!"))).isEqualTo(6);
        assertThat(read(store, key, 2, 3)).isEqualTo("ird");
        assertThat(store.info(key)).get().extracting(MediaInfo::size).isEqualTo(6L);
        // No temporary file is left behind.
        try (var tmp = Files.list(dir.resolve(".tmp"))) {
            assertThat(tmp).isEmpty();
        }
    }

    @Test
    void listsRoomsAndDeletesWholeFolders() throws IOException {
        DirectoryMediaStore store = new DirectoryMediaStore(dir);
        String other = "BBBBBBBBBBBBBBBBBBBBBB";
        store.put(MediaKey.room(ROOM).child("snapshots").child("s").child("meta.json"), bytes("{}"));
        store.put(MediaKey.room(other).child("recordings").child("r").child("meta.json"), bytes("{}"));
        assertThat(store.rooms()).containsExactly(ROOM, other);
        assertThat(store.list(MediaKey.room(ROOM).child("snapshots"))).containsExactly("s");
        assertThat(store.lastModified(ROOM)).isPresent();
        store.delete(MediaKey.room(ROOM));
        assertThat(store.rooms()).containsExactly(other);
        assertThat(store.lastModified(ROOM)).isEmpty();
        assertThat(store.list(MediaKey.room(ROOM).child("snapshots"))).isEmpty();
        store.delete(MediaKey.room(ROOM)); // already gone: nothing happens
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(MediaStore store, MediaKey key, long offset, long length) throws IOException {
        try (InputStream in = store.open(key, offset, length)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
