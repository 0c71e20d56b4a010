package dev.coview.local.testing;

import dev.coview.contracts.auth.Claims;
import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import dev.coview.local.servers.JwtDevKeys;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mints CoView tokens for tests of the services that only verify them (signaling, annotation), signed with the
 * test JVM's key pair ({@link LocalStackResource#keys()}), exactly as room-service would: ES256, CoView's issuer,
 * the claims of {@link Claims}. Works inside and outside a Quarkus test (it signs with an explicit key).
 */
public final class TestTokens {

    private TestTokens() {
    }

    /** A one-hour token with the role's default grants. */
    public static String token(String roomId, String participantId, Role role) {
        return token(roomId, participantId, role, role.defaultGrants(), Duration.ofHours(1));
    }

    /** A token with the given grants that expires {@code ttl} from now (negative: already expired). */
    public static String token(String roomId, String participantId, Role role, Set<Grant> grants, Duration ttl) {
        return token(LocalStackResource.keys(), roomId, participantId, role, grants, ttl);
    }

    /** As {@link #token(String, String, Role, Set, Duration)}, signed with the given key pair (bench, tools). */
    public static String token(JwtDevKeys keys, String roomId, String participantId, Role role, Set<Grant> grants,
                               Duration ttl) {
        return token(keys, roomId, participantId, role, grants, ttl, null);
    }

    /**
     * A one-hour token with the role's default grants whose {@link Claims#TRACEPARENT} claim is {@code traceparent},
     * as room-service issues it from a traced join.
     */
    public static String tracedToken(String roomId, String participantId, Role role, String traceparent) {
        return token(LocalStackResource.keys(), roomId, participantId, role, role.defaultGrants(), Duration.ofHours(1),
                traceparent);
    }

    private static String token(JwtDevKeys keys, String roomId, String participantId, Role role, Set<Grant> grants,
                                Duration ttl, String traceparent) {
        Instant now = Instant.now();
        var claims = Jwt.claims();
        if (traceparent != null) {
            claims.claim(Claims.TRACEPARENT, traceparent);
        }
        return claims.issuer(Claims.ISSUER)
                .subject(participantId)
                .audience(Claims.PARTICIPANT_AUDIENCES)
                .claim(Claims.ROOM, roomId)
                .claim(Claims.ROLE, role.claimValue())
                .claim(Claims.GRANTS, grants.stream().map(Grant::claimValue).collect(Collectors.toList()))
                .claim(Claims.NAME, role.claimValue() + "-" + participantId)
                .claim(Claims.TOKEN_ID, UUID.randomUUID().toString())
                .issuedAt(now.minusSeconds(1))
                .expiresAt(now.plus(ttl))
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256)
                .sign(privateKey(keys));
    }

    /** A token signed with a key that is not CoView's: every service must refuse it. */
    public static String forged(String roomId, String participantId, Role role) {
        try {
            var g = java.security.KeyPairGenerator.getInstance("EC");
            g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            return Jwt.issuer(Claims.ISSUER).subject(participantId).audience(Claims.PARTICIPANT_AUDIENCES)
                    .claim(Claims.ROOM, roomId)
                    .claim(Claims.ROLE, role.claimValue())
                    .claim(Claims.GRANTS, role.defaultGrants().stream().map(Grant::claimValue).toList())
                    .expiresAt(Instant.now().plusSeconds(3600))
                    .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256)
                    .sign(g.generateKeyPair().getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random participant or room id of the shape room-service issues (base64url, 128 bits). */
    public static String randomId() {
        byte[] b = new byte[16];
        new java.security.SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static PrivateKey privateKey(JwtDevKeys keys) {
        try {
            String pem = Files.readString(keys.privateKey());
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the test JWT key is not an EC PKCS#8 key", e);
        }
    }
}
