package dev.coview.room.tokens;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.json.JsonUtil;

/**
 * Signs a payload as a JWS in compact serialization with ES256 (RFC 7515 section 7.1, RFC 7518 section 3.4):
 * {@code base64url(header) "." base64url(payload) "." base64url(R || S)}, the header being
 * {@code {"alg":"ES256","typ":"JWT","kid":…}}.
 *
 * <p>Written here instead of going through jose4j's {@code JsonWebSignature}, which base64-encoded the payload twice
 * per token and gave every encoding a fresh 8 KiB buffer: 40 % of everything room-service allocated at 500 rooms/s
 * (bench/results/TUNING-rest.md, section 5). The JDK's {@code SHA256withECDSAinP1363Format} returns the signature as
 * R || S, 32 bytes each, which is exactly the form JWS wants, so no DER conversion is needed either.
 */
final class CompactJws {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String ALGORITHM = "SHA256withECDSAinP1363Format";

    private final String encodedHeader;
    /**
     * A {@link Signature} holds state between {@code update} and {@code sign}, so each thread (an event loop, in
     * practice) keeps one, initialised once with the key instead of once per token.
     */
    private final ThreadLocal<Signature> signatures;

    CompactJws(PrivateKey key, String keyId) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "ES256");
        header.put("typ", "JWT");
        header.put("kid", keyId);
        this.encodedHeader = encode(JsonUtil.toJson(header).getBytes(StandardCharsets.UTF_8));
        this.signatures = ThreadLocal.withInitial(() -> {
            try {
                Signature signature = Signature.getInstance(ALGORITHM);
                signature.initSign(key);
                return signature;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign with the configured ES256 key", e);
            }
        });
        // No trial signature here: SigningKeys already signed and verified with the pair before startup went on.
    }

    /** The compact serialization of {@code payloadJson} signed with the key. */
    String sign(String payloadJson) {
        String signingInput = encodedHeader + '.' + encode(payloadJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = signatures.get();
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + '.' + encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token with the configured ES256 key", e);
        }
    }

    private static String encode(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }
}
