package dev.coview.room.tokens;

import dev.coview.contracts.auth.Claims;
import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import dev.coview.room.config.RoomConfig;
import dev.coview.support.tracing.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Issues CoView tokens: ES256, CoView's issuer, the claims of {@link Claims} with the role's default grants
 * ({@link Role#defaultGrants()}) narrowed by the share policy ({@link RoomConfig#sharePolicy()}), valid for
 * {@link RoomConfig#tokenTtl()}. The only place in CoView that signs.
 */
@ApplicationScoped
public class TokenIssuer {

    private final CompactJws jws;
    private final RoomConfig config;

    public TokenIssuer(SigningKeys keys, RoomConfig config) {
        this.jws = new CompactJws(keys.privateKey(), keys.keyId());
        this.config = config;
    }

    /** A token for one participant of one room. */
    public IssuedToken issue(String roomId, String participantId, Role role, String name) {
        return issue(roomId, participantId, role, name, null);
    }

    /**
     * A token for one participant of one room; {@code identity} ({@link Claims#IDENTITY}, the agent's creator
     * identity) is left out when {@code null}.
     */
    public IssuedToken issue(String roomId, String participantId, Role role, String name, String identity) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(config.tokenTtl());
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(Claims.ISSUER);
        if (identity != null) {
            claims.setClaim(Claims.IDENTITY, identity);
        }
        // The request issuing the token, when traced: the sockets opened with it continue its trace.
        String traceparent = TraceParent.current();
        if (traceparent != null) {
            claims.setClaim(Claims.TRACEPARENT, traceparent);
        }
        claims.setSubject(participantId);
        claims.setAudience(List.copyOf(Claims.PARTICIPANT_AUDIENCES));
        claims.setClaim(Claims.ROOM, roomId);
        claims.setClaim(Claims.ROLE, role.claimValue());
        claims.setClaim(Claims.GRANTS, grants(role).stream().map(Grant::claimValue).sorted().toList());
        claims.setClaim(Claims.NAME, name);
        claims.setClaim(Claims.TOKEN_ID, UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        // Signed by CompactJws, not smallrye-jwt's builder (which read half a dozen smallrye.jwt.new-token.*
        // properties from the configuration per token) nor jose4j's JsonWebSignature (an 8 KiB buffer per base64
        // encoding): bench/results/TUNING-rest.md. Same header (alg, typ, kid) and claims as with either.
        return new IssuedToken(jws.sign(claims.toJson()), Instant.ofEpochSecond(expiresAt.getEpochSecond()));
    }

    /** The role's grants under this service's share policy. */
    Set<Grant> grants(Role role) {
        return grants(role, config.sharePolicy());
    }

    /** The role's grants under a share policy: only the customer shares under {@code customer-only}. */
    static Set<Grant> grants(Role role, RoomConfig.SharePolicy policy) {
        Set<Grant> grants = role.defaultGrants();
        if (role != Role.CUSTOMER && policy == RoomConfig.SharePolicy.CUSTOMER_ONLY) {
            grants.remove(Grant.SHARE);
        }
        return grants;
    }
}
