package dev.coview.room;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A token room-service issued verifies against its JWKS with nothing but {@code java.security}: the test rebuilds
 * the P-256 public key from the JWK's {@code x} and {@code y} and checks the ES256 signature itself.
 */
@QuarkusTest
class JwksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

    @Test
    void anIssuedTokenVerifiesAgainstTheJwks() throws Exception {
        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200)
                .contentType("application/json").extract().asString();
        JsonNode keys = JSON.readTree(jwks).get("keys");
        assertThat(keys).hasSize(1);
        JsonNode jwk = keys.get(0);
        assertThat(jwk.get("kty").asText()).isEqualTo("EC");
        assertThat(jwk.get("crv").asText()).isEqualTo("P-256");
        assertThat(jwk.get("alg").asText()).isEqualTo("ES256");
        assertThat(jwk.has("d")).as("no private part").isFalse();

        String token = RoomApi.createRoom().jsonPath().getString("token");
        List<String> parts = List.of(token.split("\\."));
        assertThat(parts).hasSize(3);
        JsonNode header = JSON.readTree(B64URL.decode(parts.get(0)));
        assertThat(header.get("alg").asText()).isEqualTo("ES256");
        assertThat(header.get("kid").asText()).isEqualTo(jwk.get("kid").asText());

        PublicKey key = publicKey(jwk);
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(key);
        es256.update((parts.get(0) + "." + parts.get(1)).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(B64URL.decode(parts.get(2)))).isTrue();

        // A token with one changed payload byte does not verify.
        byte[] payload = B64URL.decode(parts.get(1));
        payload[payload.length - 2] ^= 1;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        es256.initVerify(key);
        es256.update((parts.get(0) + "." + tampered).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(B64URL.decode(parts.get(2)))).isFalse();

        JsonNode claims = JSON.readTree(B64URL.decode(parts.get(1)));
        assertThat(claims.get("iss").asText()).isEqualTo("https://coview.dev/room-service");
        assertThat(claims.get("role").asText()).isEqualTo("agent");
        assertThat(claims.get("grants")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("admin", "annotate", "freeze", "push", "record", "share");
        assertThat(claims.has("jti") && claims.has("exp") && claims.has("room") && claims.has("sub")).isTrue();
    }

    private static PublicKey publicKey(JsonNode jwk) throws Exception {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec p256 = params.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(new BigInteger(1, B64URL.decode(jwk.get("x").asText())),
                new BigInteger(1, B64URL.decode(jwk.get("y").asText())));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, p256));
    }
}
