package dev.coview.room.media.storage;

import java.time.Instant;

/**
 * What a {@link MediaStore} knows about one stored file.
 *
 * @param size         bytes
 * @param lastModified when it was written
 */
public record MediaInfo(long size, Instant lastModified) {
}
