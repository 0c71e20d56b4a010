package dev.coview.room.ice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TURN REST API credentials (draft-uberti-behave-turn-rest, as coturn's {@code use-auth-secret} checks them):
 * {@code username = <expiry-unix-seconds>:<participantId>}, {@code password = base64(HMAC-SHA1(secret, username))}.
 * The TURN server recomputes the password from the shared secret and refuses the username after its expiry.
 */
public final class TurnCredentials {

    private TurnCredentials() {
    }

    /** A username/password pair. */
    public record Credential(String username, String password) {
    }

    /** The credential of {@code participantId} that stops working at {@code expiresAt}. */
    public static Credential of(String secret, String participantId, Instant expiresAt) {
        String username = expiresAt.getEpochSecond() + ":" + participantId;
        return new Credential(username, password(secret, username));
    }

    /** {@code base64(HMAC-SHA1(secret, username))}. */
    public static String password(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JVM", e);
        }
    }
}
