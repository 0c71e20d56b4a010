package dev.coview.room.access;

import dev.coview.contracts.auth.Grant;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import dev.coview.support.auth.Participant;
import dev.coview.support.auth.ParticipantRemovals;
import dev.coview.support.auth.RoomRevocations;
import dev.coview.support.logging.RoomLogContext;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides whether a bearer token may act on a room: smallrye-jwt verifies it (signature, issuer, expiry: 401
 * otherwise), then the token must be for that room (403), carry the grant the call needs (403), and the room must
 * not have ended or expired (410, from the {@code room-ended:{roomId}} marker every service checks), and its
 * participant must not have been removed from it (403, {@link ParticipantRemovals}).
 */
@ApplicationScoped
public class RoomAccess {

    private static final String BEARER = "Bearer ";
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer");

    private final JWTParser parser;
    private final RoomRevocations revocations;
    private final ParticipantRemovals removals;

    public RoomAccess(JWTParser parser, RoomRevocations revocations, ParticipantRemovals removals) {
        this.parser = parser;
        this.revocations = revocations;
        this.removals = removals;
    }

    /**
     * The participant behind {@code authorization} if it may act on {@code roomId} with {@code grant}.
     *
     * @param roomId the room the call is about; {@code null} for calls about the token's own room
     * @param grant  the grant the call needs; {@code null} when any participant of the room may call
     */
    public Uni<Participant> require(String authorization, String roomId, Grant grant) {
        return requireToken(authorization, roomId, grant).map(Verified::participant);
    }

    /** A token that {@link #requireToken} accepted: its participant and when the token expires. */
    public record Verified(Participant participant, Instant expiresAt) {
    }

    /** As {@link #require}, also answering the token's expiry (what the TURN credential must not outlive). */
    public Uni<Verified> requireToken(String authorization, String roomId, Grant grant) {
        return verify(authorization).chain(v -> {
            Participant p = v.participant();
            if (roomId != null && !roomId.equals(p.roomId())) {
                return Uni.createFrom().failure(new ProblemException(ProblemType.WRONG_ROOM,
                        "this token is for another room"));
            }
            if (grant != null && !p.can(grant)) {
                return Uni.createFrom().failure(new ProblemException(ProblemType.FORBIDDEN,
                        "this call needs the '" + grant.claimValue() + "' grant"));
            }
            return revocations.isEnded(p.roomId()).chain(ended -> {
                if (ended) {
                    throw new ProblemException(ProblemType.ROOM_ENDED, "room " + p.roomId() + " has ended");
                }
                return removals.isRemoved(p.roomId(), p.id());
            }).map(removed -> {
                if (removed) {
                    throw new ProblemException(ProblemType.PARTICIPANT_REMOVED,
                            "you were removed from this session");
                }
                RoomLogContext.enter(p);
                return v;
            });
        });
    }

    private Uni<Verified> verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED,
                    "send the room token as 'Authorization: Bearer <token>'", CHALLENGE));
        }
        String token = authorization.substring(BEARER.length()).trim();
        // Signature checks are CPU work and the first one may read the key file: keep them off the event loop.
        return Uni.createFrom().item(() -> {
            try {
                JsonWebToken jwt = parser.parse(token);
                return new Verified(Participant.of(jwt), Instant.ofEpochSecond(jwt.getExpirationTime()));
            } catch (ParseException | IllegalArgumentException e) {
                throw new ProblemException(ProblemType.UNAUTHORIZED, "the token is invalid or has expired",
                        CHALLENGE);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
