package dev.coview.room.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * The hand-written JWS checked by an independent implementation (jose4j's verifier, which CoView's services and most
 * JWT libraries agree with): signature, header and payload.
 */
class CompactJwsTest {

    private static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    @Test
    void aSignedPayloadVerifiesWithThePublicKeyAndReadsBackUnchanged() throws Exception {
        KeyPair keys = p256();
        CompactJws jws = new CompactJws(keys.getPrivate(), "kid-1");
        JwtClaims claims = new JwtClaims();
        claims.setSubject("participant-1");
        claims.setClaim("name", "Dana \"D\" Ø");

        for (int i = 0; i < 50; i++) { // the same thread's Signature, reused: each one must verify
            String token = jws.sign(claims.toJson());

            JsonWebSignature verifier = new JsonWebSignature();
            verifier.setAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256));
            verifier.setCompactSerialization(token);
            verifier.setKey(keys.getPublic());
            assertThat(verifier.verifySignature()).isTrue();
            assertThat(JwtClaims.parse(verifier.getPayload()).getClaimValueAsString("name")).isEqualTo("Dana \"D\" Ø");
        }
    }

    @Test
    void theHeaderNamesTheAlgorithmTheTypeAndTheKeyAndTheSignatureIsRAndS() throws Exception {
        String token = new CompactJws(p256().getPrivate(), "kid-1").sign("{}");
        String[] parts = token.split("\\.");

        assertThat(parts).hasSize(3);
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
                .isEqualTo("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"kid-1\"}");
        assertThat(token).doesNotContain("=", "+", "/");
        // RFC 7518 section 3.4: R and S as 32-byte big-endian integers, concatenated (not DER).
        assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(64);
    }

    @Test
    void aTokenSignedWithAnotherKeyDoesNotVerify() throws Exception {
        String token = new CompactJws(p256().getPrivate(), "kid-1").sign("{}");

        JsonWebSignature verifier = new JsonWebSignature();
        verifier.setCompactSerialization(token);
        verifier.setKey(p256().getPublic());
        assertThat(verifier.verifySignature()).isFalse();
    }
}
