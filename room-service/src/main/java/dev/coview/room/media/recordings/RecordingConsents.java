package dev.coview.room.media.recordings;

import dev.coview.contracts.redis.RedisKeys;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The customer's consent to a recording, as annotation-service hands it over ({@link RedisKeys#RECORDING_CONSENT},
 * written when it accepts a granted {@code recording.consent} of the room's pending request). Starting a recording
 * takes it, so that one consent allows one recording and nothing records a customer who was not asked.
 */
@ApplicationScoped
public class RecordingConsents {

    private final ReactiveValueCommands<String, String> values;

    public RecordingConsents(ReactiveRedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    /** The requestId the customer of {@code roomId} consented to, spent by this call; fails with 403 without one. */
    public Uni<String> take(String roomId) {
        return values.getdel(RedisKeys.recordingConsent(roomId)).map(requestId -> {
            if (requestId == null) {
                throw new ProblemException(ProblemType.CONSENT_REQUIRED, "The customer has not agreed to be recorded. "
                        + "Ask them from the session; the recording can start once they accept.");
            }
            return requestId;
        });
    }
}
