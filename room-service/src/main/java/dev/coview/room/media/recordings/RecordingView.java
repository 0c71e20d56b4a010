package dev.coview.room.media.recordings;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.coview.room.media.MediaAuthor;
import java.time.Instant;

/**
 * A recording as the API shows it (and as its {@code meta.json} keeps it).
 *
 * @param recordingId base64url, 128 bits
 * @param roomId      the room
 * @param startedBy   who created it
 * @param startedAt   when it was created
 * @param state       {@code recording} (chunks arriving) or {@code ready} (one WebM file, downloadable)
 * @param chunks      number of chunks, once complete
 * @param size        bytes of the assembled file, once ready
 * @param sha256      SHA-256 of the assembled file (lower-case hex; its download's {@code ETag}), once ready
 * @param readyAt     when the file was assembled
 * @param url         download path of the file
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordingView(String recordingId, String roomId, MediaAuthor startedBy, Instant startedAt,
                            State state, Integer chunks, Long size, String sha256, Instant readyAt, String url) {

    /** Where a recording is in its life. */
    public enum State {
        @com.fasterxml.jackson.annotation.JsonProperty("recording") RECORDING,
        @com.fasterxml.jackson.annotation.JsonProperty("ready") READY
    }

    RecordingView ready(int chunkCount, long fileSize, String fileSha256, Instant at) {
        return new RecordingView(recordingId, roomId, startedBy, startedAt, State.READY, chunkCount, fileSize,
                fileSha256, at, url);
    }
}
