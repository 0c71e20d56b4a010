package dev.coview.reliability.testing;

import dev.coview.contracts.auth.Claims;
import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tokens for the suite, signed with the stack's own key exactly as room-service signs them (ES256, CoView's issuer
 * and claims), plus the attacks: expired, signed with another key, {@code alg=none}, another issuer. Used where a
 * token room-service would not issue is the point (a narrower grant set, an attack) or where many participants are
 * needed quickly (the fuzzer); the rest of the suite uses real tokens from room-service's API. Every token is
 * registered with {@link Secrets}.
 */
public final class Tokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /** A one-hour token with the role's default grants. */
    public static String valid(String roomId, String participantId, Role role) {
        return signed(roomId, participantId, role, role.defaultGrants(), Duration.ofHours(1), Claims.ISSUER,
                key());
    }

    /** A token with exactly {@code grants}. */
    public static String withGrants(String roomId, String participantId, Role role, Set<Grant> grants) {
        return signed(roomId, participantId, role, grants, Duration.ofHours(1), Claims.ISSUER, key());
    }

    /** A token that expires {@code ttl} from now (within the verifier's clock-skew allowance: it opens a socket). */
    public static String expiringIn(String roomId, String participantId, Role role, Duration ttl) {
        return signed(roomId, participantId, role, role.defaultGrants(), ttl, Claims.ISSUER, key());
    }

    /** Expired a minute ago (beyond any clock-skew allowance). */
    public static String expired(String roomId, String participantId, Role role) {
        return signed(roomId, participantId, role, role.defaultGrants(), Duration.ofMinutes(-1), Claims.ISSUER,
                key());
    }

    /** Well-formed, but signed with a key that is not CoView's. */
    public static String forged(String roomId, String participantId, Role role) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return signed(roomId, participantId, role, role.defaultGrants(), Duration.ofHours(1), Claims.ISSUER,
                    g.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with CoView's key but naming another issuer. */
    public static String otherIssuer(String roomId, String participantId, Role role) {
        return signed(roomId, participantId, role, role.defaultGrants(), Duration.ofHours(1),
                "https://evil.example/room-service", key());
    }

    /**
     * Signed with CoView's key for CoView's issuer, but naming only {@code audiences}: a token meant for another
     * service (or for none of them) must open nothing here.
     */
    public static String forAudiences(String roomId, String participantId, Role role, Set<String> audiences) {
        return signed(roomId, participantId, role, role.defaultGrants(), Duration.ofHours(1), Claims.ISSUER, key(),
                audiences);
    }

    /** The claims of a valid agent token with {@code alg: none} and no signature (RFC 7519 unsecured JWT). */
    public static String algNone(String roomId, String participantId, Role role) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + Claims.ISSUER + "\",\"aud\":[\"" + Claims.AUDIENCE_ROOM + "\",\""
                + Claims.AUDIENCE_SIGNALING + "\",\"" + Claims.AUDIENCE_ANNOTATION + "\"],\"sub\":\"" + participantId
                + "\",\"room\":\"" + roomId
                + "\",\"role\":\"" + role.claimValue() + "\",\"grants\":[\"share\",\"annotate\",\"admin\"],"
                + "\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + (now - 1) + ",\"exp\":" + (now + 3600) + "}";
        return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** A random id of the shape room-service issues (22 base64url characters). */
    public static String randomId() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return B64.encodeToString(b);
    }

    private static String signed(String roomId, String participantId, Role role, Set<Grant> grants, Duration ttl,
                                 String issuer, PrivateKey key) {
        return signed(roomId, participantId, role, grants, ttl, issuer, key, Claims.PARTICIPANT_AUDIENCES);
    }

    private static String signed(String roomId, String participantId, Role role, Set<Grant> grants, Duration ttl,
                                 String issuer, PrivateKey key, Set<String> audiences) {
        long now = Instant.now().getEpochSecond();
        long exp = now + ttl.toSeconds();
        long iat = ttl.isNegative() ? exp - 600 : now - 1;
        String grantList = grants.stream().map(g -> "\"" + g.claimValue() + "\"").collect(Collectors.joining(","));
        String audienceList = audiences.stream().sorted().map(a -> "\"" + a + "\"").collect(Collectors.joining(","));
        String payload = "{\"iss\":\"" + issuer + "\",\"aud\":[" + audienceList + "],\"sub\":\"" + participantId
                + "\",\"" + Claims.ROOM + "\":\""
                + roomId + "\",\"" + Claims.ROLE + "\":\"" + role.claimValue() + "\",\"" + Claims.GRANTS + "\":["
                + grantList + "],\"" + Claims.NAME + "\":\"" + role.claimValue() + "-" + participantId + "\",\""
                + Claims.TOKEN_ID + "\":\"" + UUID.randomUUID() + "\",\"iat\":" + iat + ",\"exp\":" + exp + "}";
        String signingInput = B64.encodeToString("{\"alg\":\"ES256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            // JWS ES256 wants the raw r||s form (RFC 7518 3.4), which is the JDK's P1363 format.
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
            es256.initSign(key);
            es256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return Secrets.register(signingInput + "." + B64.encodeToString(es256.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static PrivateKey key() {
        try {
            String pem = Files.readString(Stack.get().keys().privateKey());
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stack's JWT key is not an EC PKCS#8 key", e);
        }
    }
}
