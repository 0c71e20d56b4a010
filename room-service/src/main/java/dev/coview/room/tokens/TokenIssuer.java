package dev.coview.room.tokens;

import dev.coview.contracts.auth.Claims;
import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import dev.coview.room.config.RoomConfig;
import dev.coview.support.tracing.TraceParent;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Issues CoView tokens: ES256, CoView's issuer, the claims of {@link Claims} with the role's default grants
 * ({@link Role#defaultGrants()}) narrowed by the share policy ({@link RoomConfig#sharePolicy()}), valid for
 * {@link RoomConfig#tokenTtl()}. The only place in CoView that signs.
 */
@ApplicationScoped
public class TokenIssuer {

    private final SigningKeys keys;
    private final RoomConfig config;

    public TokenIssuer(SigningKeys keys, RoomConfig config) {
        this.keys = keys;
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
        var claims = Jwt.issuer(Claims.ISSUER);
        if (identity != null) {
            claims.claim(Claims.IDENTITY, identity);
        }
        // The request issuing the token, when traced: the sockets opened with it continue its trace.
        String traceparent = TraceParent.current();
        if (traceparent != null) {
            claims.claim(Claims.TRACEPARENT, traceparent);
        }
        String jwt = claims
                .subject(participantId)
                .audience(Claims.PARTICIPANT_AUDIENCES)
                .claim(Claims.ROOM, roomId)
                .claim(Claims.ROLE, role.claimValue())
                .claim(Claims.GRANTS, grants(role).stream().map(Grant::claimValue).sorted().toList())
                .claim(Claims.NAME, name)
                .claim(Claims.TOKEN_ID, UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .jws()
                .algorithm(SignatureAlgorithm.ES256)
                .keyId(keys.keyId())
                .sign(keys.privateKey());
        return new IssuedToken(jwt, Instant.ofEpochSecond(expiresAt.getEpochSecond()));
    }

    /** The role's grants under the room's share policy: only the customer shares under {@code customer-only}. */
    Set<Grant> grants(Role role) {
        Set<Grant> grants = role.defaultGrants();
        if (role != Role.CUSTOMER && config.sharePolicy() == RoomConfig.SharePolicy.CUSTOMER_ONLY) {
            grants.remove(Grant.SHARE);
        }
        return grants;
    }
}
