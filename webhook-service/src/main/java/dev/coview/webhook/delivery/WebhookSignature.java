package dev.coview.webhook.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures in the Standard Webhooks scheme: {@code webhook-signature: v1,<base64 of HMAC-SHA256 over
 * "<webhook-id>.<webhook-timestamp>.<body>">}, keyed with the bytes of a {@code whsec_<base64>} secret. A receiver
 * verifies by computing the same and comparing in constant time ({@link #verify}); several space-separated
 * signatures may come during a secret rotation.
 */
public final class WebhookSignature {

    /** Prefix of a Standard Webhooks secret. */
    public static final String SECRET_PREFIX = "whsec_";

    private final SecretKeySpec key;

    /** @param secret {@code whsec_<base64>}; the prefix is optional */
    public WebhookSignature(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        byte[] bytes = Base64.getDecoder().decode(encoded);
        if (bytes.length < 16) {
            throw new IllegalArgumentException("a webhook secret needs at least 16 random bytes");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The {@code webhook-signature} header value for one delivery. */
    public String sign(String id, long timestampSeconds, String body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(id + "." + timestampSeconds + "." + body));
    }

    /** Whether {@code header} (one or more {@code v1,<sig>} separated by spaces) holds a signature of this delivery. */
    public boolean verify(String id, long timestampSeconds, String body, String header) {
        byte[] expected = mac(id + "." + timestampSeconds + "." + body);
        for (String candidate : header.split(" ")) {
            if (!candidate.startsWith("v1,")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(3));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }

    private byte[] mac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
