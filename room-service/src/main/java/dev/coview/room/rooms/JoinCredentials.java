package dev.coview.room.rooms;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The two ways a customer finds a room: a 6-digit join code ({@code code:{code}}) and an opaque invite token
 * ({@code invite:{token}}), both pointing at the room id and expiring after the configured TTL. Redeeming is a
 * {@code GETDEL}, so a credential works once even when two customers race for it.
 */
@ApplicationScoped
public class JoinCredentials {

    /** A million codes make collisions rare; a few retries make them harmless. */
    private static final int CODE_ATTEMPTS = 20;

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;

    public JoinCredentials(ReactiveRedisDataSource redis) {
        this.values = redis.value(String.class);
        this.keys = redis.key();
    }

    /** Reserves a join code no other live room holds. */
    public Uni<String> newCode(String roomId, Duration ttl) {
        return tryCode(roomId, ttl, CODE_ATTEMPTS);
    }

    /** Creates an invite token for the room. */
    public Uni<String> newInvite(String roomId, Duration ttl) {
        String invite = Ids.newId();
        return values.set(RoomServiceKeys.invite(invite), roomId, new SetArgs().px(ttl)).replaceWith(invite);
    }

    /** What a redeemed code was: its room, and the wrong-code total when it was issued ({@code null}: unknown). */
    public record Redeemed(String roomId, Long wrongCodesAtIssue) {
    }

    /** The room of the code, which is spent by this call; {@code null} for a wrong, expired or spent code. */
    public Uni<Redeemed> redeemCode(String code) {
        return values.getdel(RoomServiceKeys.joinCode(code)).chain(roomId -> roomId == null
                ? Uni.createFrom().nullItem()
                : values.getdel(RoomServiceKeys.codeGuard(code)).map(guard -> new Redeemed(roomId,
                        guard == null ? null : Long.valueOf(guard))));
    }

    /** The room of the invite, which is spent by this call; {@code null} for a wrong, expired or spent invite. */
    public Uni<String> redeemInvite(String invite) {
        return values.getdel(RoomServiceKeys.invite(invite));
    }

    /** Spends both credentials of a room (a customer has joined, or the room ended). */
    public Uni<Void> revoke(String code, String invite) {
        return keys.del(RoomServiceKeys.joinCode(code), RoomServiceKeys.codeGuard(code), RoomServiceKeys.invite(invite))
                .replaceWithVoid();
    }

    private Uni<String> tryCode(String roomId, Duration ttl, int attemptsLeft) {
        if (attemptsLeft == 0) {
            return Uni.createFrom().failure(new IllegalStateException("no free join code after "
                    + CODE_ATTEMPTS + " attempts"));
        }
        String code = Ids.newJoinCode();
        return values.setAndChanged(RoomServiceKeys.joinCode(code), roomId, new SetArgs().nx().px(ttl))
                .chain(taken -> taken ? guard(code, ttl) : tryCode(roomId, ttl, attemptsLeft - 1));
    }

    /** Notes how many wrong codes CoView had seen when {@code code} was issued (JoinAttemptLimiter's room budget). */
    private Uni<String> guard(String code, Duration ttl) {
        return values.get(RoomServiceKeys.JOIN_FAILURES_TOTAL)
                .chain(total -> values.set(RoomServiceKeys.codeGuard(code), total == null ? "0" : total,
                        new SetArgs().px(ttl)))
                .replaceWith(code);
    }
}
