package dev.coview.room.rooms;

import dev.coview.contracts.auth.Role;
import dev.coview.contracts.rooms.ParticipantToken;
import dev.coview.room.config.RoomConfig;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import dev.coview.room.tokens.IssuedToken;
import dev.coview.room.tokens.TokenIssuer;
import dev.coview.support.auth.ParticipantRemovals;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Coming back as the same participant after a reload, a crash or reopening the link on the same device: the
 * browser exchanges its rejoin credential for a fresh token with the same participant id (and the next
 * credential). Never a second use of the join code: the code and invite stay spent. Refused when the room has
 * ended (410) or the participant was removed ({@link ParticipantRemovals}, 403).
 */
@ApplicationScoped
public class RejoinService {

    private final RoomService rooms;
    private final RoomStore store;
    private final RejoinCredentials credentials;
    private final ParticipantRemovals removals;
    private final TokenIssuer tokens;
    private final RoomConfig config;

    public RejoinService(RoomService rooms, RoomStore store, RejoinCredentials credentials,
                         ParticipantRemovals removals, TokenIssuer tokens, RoomConfig config) {
        this.rooms = rooms;
        this.store = store;
        this.credentials = credentials;
        this.removals = removals;
        this.tokens = tokens;
        this.config = config;
    }

    /** A participant's token and rejoin credential, as answered to a join, an observer request or a rejoin. */
    public Uni<ParticipantToken> tokenFor(String roomId, ParticipantRecord p) {
        return tokenFor(roomId, p, null);
    }

    /** As {@link #tokenFor(String, ParticipantRecord)}, for an agent whose identity the token names. */
    public Uni<ParticipantToken> tokenFor(String roomId, ParticipantRecord p, String identity) {
        IssuedToken token = tokens.issue(roomId, p.id(), Role.fromClaim(p.role()), p.name(), identity);
        return credentials.issue(roomId, p.id(), config.tokenTtl())
                .map(rejoin -> new ParticipantToken(roomId, p.id(), p.role(), token.jwt(), token.expiresAt(), rejoin));
    }

    /** Exchanges a rejoin credential (spent by this call) for a new token of the same participant. */
    public Uni<ParticipantToken> rejoin(String credential) {
        return credentials.redeem(credential).chain(holder -> {
            if (holder == null) {
                return refused("this rejoin credential is wrong, has expired or was already used");
            }
            String roomId = holder.roomId();
            return rooms.openRoom(roomId)
                    .chain(room -> removals.isRemoved(roomId, holder.participantId()))
                    .chain((Boolean removed) -> removed
                            ? Uni.createFrom().<ParticipantRecord>failure(new ProblemException(
                                    ProblemType.PARTICIPANT_REMOVED, "you were removed from this session"))
                            : store.participant(roomId, holder.participantId()))
                    .chain(p -> p == null
                            ? RejoinService.<ParticipantToken>refused("the room has no such participant")
                            : rooms.touch(roomId).chain(() -> tokenFor(roomId, p)));
        });
    }

    private static <T> Uni<T> refused(String detail) {
        return Uni.createFrom().failure(new ProblemException(ProblemType.REJOIN_REFUSED, detail));
    }
}
