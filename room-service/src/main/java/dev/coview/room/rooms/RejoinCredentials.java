package dev.coview.room.rooms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.coview.support.json.JsonThen;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Rejoin credentials: 256 random bits the participant's browser keeps, proving that this device was that
 * participant of that room. Redis holds only their SHA-256 ({@code rejoin:{hash}}), so a copy of Redis cannot be
 * replayed. Redeeming is a {@code GETDEL}: a credential works once, and each rejoin hands out the next one
 * (rotation), so a stolen copy races the real device and the loser finds out.
 */
@ApplicationScoped
public class RejoinCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Whom a credential stands for. */
    public record Holder(String roomId, String participantId) {
    }

    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper mapper;
    private final ObjectWriter holderWriter;

    public RejoinCredentials(ReactiveRedisDataSource redis, ObjectMapper mapper) {
        this.values = redis.value(String.class);
        this.mapper = mapper;
        this.holderWriter = mapper.writerFor(Holder.class);
    }

    /** A new credential for the participant, valid for {@code ttl} unless redeemed first. */
    public Uni<String> issue(String roomId, String participantId, Duration ttl) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return JsonThen.write(holderWriter, new Holder(roomId, participantId), holder ->
                values.set(RoomServiceKeys.rejoin(hash(secret)), holder, new SetArgs().px(ttl)).replaceWith(secret));
    }

    /** Whom the credential stood for, spending it; {@code null} for a wrong, expired or spent one. */
    public Uni<Holder> redeem(String secret) {
        return values.getdel(RoomServiceKeys.rejoin(hash(secret))).map(json -> {
            if (json == null) {
                return null;
            }
            try {
                return mapper.readValue(json, Holder.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("corrupt rejoin credential in Redis", e);
            }
        });
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
