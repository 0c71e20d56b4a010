package dev.coview.annotation.messaging;

import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.RecordingConsent;
import dev.coview.contracts.annotation.RecordingRequest;
import dev.coview.contracts.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Tells room-service what the customer answered to a recording request ({@link RedisKeys#RECORDING_CONSENT}), so
 * that it creates a recording only with a consent given for it: a script holding the agent's token cannot record
 * without the customer having been asked. Written before the answer goes to the annotation log, so the agent's
 * client, which creates the recording when the answer reaches it through the log, always finds the grant there.
 */
@ApplicationScoped
public class RecordingConsents {

    /** How long a granted consent waits for the agent to start the recording. */
    static final Duration GRANT_TTL = Duration.ofMinutes(10);

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;

    public RecordingConsents(ReactiveRedisDataSource redis) {
        this.values = redis.value(String.class);
        this.keys = redis.key();
    }

    /**
     * Records the grant of an accepted {@code recording.consent}; withdraws any earlier grant on a refusal or a new
     * {@code recording.request} (one consent, one question); nothing for other messages.
     */
    public Uni<Void> remember(String roomId, AnnotationClientMessage m) {
        if (m instanceof RecordingConsent c && c.granted()) {
            return values.set(RedisKeys.recordingConsent(roomId), c.requestId(), new SetArgs().px(GRANT_TTL));
        }
        if (m instanceof RecordingConsent || m instanceof RecordingRequest) {
            return keys.del(RedisKeys.recordingConsent(roomId)).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
