package dev.coview.room.media.recordings;

/**
 * A stored recording chunk.
 *
 * @param recordingId the recording
 * @param n           its number (0 first)
 * @param size        bytes
 * @param sha256      SHA-256, lower-case hex
 */
public record ChunkView(String recordingId, int n, long size, String sha256) {
}
