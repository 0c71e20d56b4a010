package dev.coview.room.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where room-service keeps snapshots and recordings. The default is {@link DirectoryMediaStore} (a directory, a
 * PersistentVolume in Kubernetes); an object store would be another implementation. Every method blocks: call
 * them from worker threads, never from the Vert.x event loop. A stored file appears whole or not at all.
 */
public interface MediaStore {

    /** Stores {@code content} under {@code key}, replacing what was there; returns the bytes written. */
    long put(MediaKey key, InputStream content) throws IOException;

    /**
     * Stores {@code content} under {@code key} unless something is already there (checked atomically: of two
     * concurrent writers exactly one wins). True when stored, false when the existing file was left as it was.
     */
    boolean putIfAbsent(MediaKey key, InputStream content) throws IOException;

    /** The stored file's size and time; empty when there is none. */
    Optional<MediaInfo> info(MediaKey key) throws IOException;

    /** Reads {@code length} bytes of the file from {@code offset}; the caller closes the stream. */
    InputStream open(MediaKey key, long offset, long length) throws IOException;

    /** Names directly below {@code folder}, sorted; empty when the folder does not exist. */
    List<String> list(MediaKey folder) throws IOException;

    /** Deletes the file or the whole folder at {@code key}; nothing happens when it does not exist. */
    void delete(MediaKey key) throws IOException;

    /** Ids of the rooms that have media. */
    List<String> rooms() throws IOException;

    /** When the newest file of the room's media was written; empty when the room has none. */
    Optional<Instant> lastModified(String roomId) throws IOException;
}
