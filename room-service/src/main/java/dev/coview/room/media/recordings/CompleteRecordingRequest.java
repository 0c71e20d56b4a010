package dev.coview.room.media.recordings;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST …/recordings/{rid}/complete}.
 *
 * @param chunks how many chunks the recording has (numbered {@code 0..chunks-1}, all uploaded)
 */
public record CompleteRecordingRequest(@NotNull @Min(1) Integer chunks) {
}
