package dev.coview.room.rooms;

import dev.coview.contracts.auth.Role;
import dev.coview.contracts.events.ParticipantJoined;
import dev.coview.contracts.rooms.ParticipantToken;
import dev.coview.room.config.RoomConfig;
import dev.coview.room.events.RoomEvents;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import dev.coview.support.auth.Participant;
import dev.coview.support.logging.RoomLogContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * How participants other than the agent get into a room: the customer with the join code or the invite (one
 * customer per room; both credentials are spent when they join; wrong ones count against the client's guessing
 * limit), and observers, whose view-only tokens the agent asks for. Every token comes with a rejoin credential
 * ({@link RejoinService}).
 */
@ApplicationScoped
public class JoinService {

    /** How a customer proves they were invited. */
    public enum Via {
        CODE, INVITE
    }

    private final RoomService rooms;
    private final RoomStore store;
    private final JoinCredentials credentials;
    private final JoinAttemptLimiter limiter;
    private final RejoinService rejoins;
    private final RoomEvents events;
    private final RoomConfig config;
    private final JoinMetrics metrics;

    public JoinService(RoomService rooms, RoomStore store, JoinCredentials credentials, JoinAttemptLimiter limiter,
                       RejoinService rejoins, RoomEvents events, RoomConfig config, JoinMetrics metrics) {
        this.rooms = rooms;
        this.store = store;
        this.credentials = credentials;
        this.limiter = limiter;
        this.rejoins = rejoins;
        this.events = events;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Lets a customer in with a code or an invite.
     *
     * @param client the caller's address, for the guessing limit
     */
    public Uni<ParticipantToken> joinAsCustomer(Via via, String credential, String name, String client) {
        return metrics.counted(limiter.admit(client, via == Via.CODE)
                .chain(() -> via == Via.CODE ? redeemCode(credential) : credentials.redeemInvite(credential))
                .chain(roomId -> {
                    if (roomId == null) {
                        return (via == Via.CODE ? limiter.wrongCode() : Uni.createFrom().voidItem())
                                .chain(() -> Uni.createFrom().failure(new ProblemException(ProblemType.JOIN_REFUSED,
                                        via == Via.CODE
                                                ? "this join code is wrong, has expired or was already used"
                                                : "this invite is wrong, has expired or was already used")));
                    }
                    return limiter.succeeded(client, via == Via.CODE).chain(() -> rooms.openRoom(roomId))
                            .chain(room -> admitCustomer(room, via, name));
                }));
    }

    /** The room of a right code, unless the code has been retired for too many guesses meanwhile (then null). */
    private Uni<String> redeemCode(String code) {
        return credentials.redeemCode(code).chain(redeemed -> redeemed == null
                ? Uni.createFrom().nullItem()
                : limiter.retired(redeemed.wrongCodesAtIssue()).map(retired -> retired ? null : redeemed.roomId()));
    }

    /** A view-only token for the room of {@code agent}. */
    public Uni<ParticipantToken> addObserver(Participant agent, String name) {
        return rooms.openRoom(agent.roomId())
                .chain(room -> admit(room.id(), Ids.newId(), Role.OBSERVER, clean(name), "observer"));
    }

    private Uni<ParticipantToken> admitCustomer(RoomRecord room, Via via, String name) {
        String customerId = Ids.newId();
        return store.claimCustomer(room.id(), customerId).chain(won -> {
            if (!won) {
                return Uni.createFrom().failure(new ProblemException(ProblemType.ROOM_TAKEN,
                        "a customer has already joined this room"));
            }
            // The other credential of the pair is spent too: one customer per room.
            return credentials.revoke(room.joinCode(), room.invite())
                    .chain(() -> admit(room.id(), customerId, Role.CUSTOMER, clean(name),
                            via == Via.CODE ? "code" : "invite"));
        });
    }

    private Uni<ParticipantToken> admit(String roomId, String participantId, Role role, String name, String via) {
        // From here the call is this participant's work in the room: its log lines say so (the request's MDC).
        RoomLogContext.enter(roomId, participantId);
        Instant now = Instant.now();
        ParticipantRecord participant = new ParticipantRecord(participantId, role.claimValue(), name, now);
        return store.admit(roomId, participant, now.plus(config.idleTtl()))
                .chain(() -> events.joined(new ParticipantJoined(roomId, participantId, role.claimValue(), name, via,
                        now)))
                .chain(() -> rejoins.tokenFor(roomId, participant));
    }

    private static String clean(String name) {
        return name == null ? "" : name.strip();
    }
}
