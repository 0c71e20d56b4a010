package dev.coview.room.media.snapshots;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.coview.room.media.MediaAuthor;
import java.time.Instant;

/**
 * A stored snapshot as the API shows it (and as its {@code meta.json} keeps it).
 *
 * @param snapshotId base64url, 128 bits
 * @param roomId     the room
 * @param author     who saved it
 * @param createdAt  when room-service stored it
 * @param sha256     SHA-256 of each part as stored, lower-case hex (also each download's {@code ETag})
 * @param size       bytes of each part
 * @param urls       download path of each part
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnapshotView(String snapshotId, String roomId, MediaAuthor author, Instant createdAt,
                           PerPart<String> sha256, PerPart<Long> size, PerPart<String> urls) {

    /** One value for each {@link SnapshotPart}. */
    public record PerPart<T>(T original, T flattened, T annotations) {

        public T of(SnapshotPart part) {
            return switch (part) {
                case ORIGINAL -> original;
                case FLATTENED -> flattened;
                case ANNOTATIONS -> annotations;
            };
        }
    }
}
