package dev.coview.room.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Claims;
import dev.coview.contracts.auth.Role;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * What a token carries, read back the way a verifier does: the ES256 signature checks against the published JWK
 * Set, the header names the algorithm, the type and the key, and the claims are the participant's.
 */
@QuarkusTest
class TokenIssuerTest {

    @Inject
    TokenIssuer issuer;
    @Inject
    SigningKeys keys;

    @Test
    void aTokenIsSignedWithThePublishedKeyAndCarriesTheParticipantsClaims() throws Exception {
        IssuedToken token = issuer.issue("room-1", "participant-1", Role.CUSTOMER, "Dana", null);

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token.jwt());
        jws.setKey(new JsonWebKeySet(keys.jwksJson()).findJsonWebKey(keys.keyId(), null, null, null).getKey());
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("ES256");
        assertThat(jws.getHeader("typ")).isEqualTo("JWT");
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo(keys.keyId());

        JwtClaims claims = JwtClaims.parse(jws.getPayload());
        assertThat(claims.getIssuer()).isEqualTo(Claims.ISSUER);
        assertThat(claims.getSubject()).isEqualTo("participant-1");
        assertThat(claims.getAudience()).containsExactlyInAnyOrderElementsOf(Claims.PARTICIPANT_AUDIENCES);
        assertThat(claims.getClaimValueAsString(Claims.ROOM)).isEqualTo("room-1");
        assertThat(claims.getClaimValueAsString(Claims.ROLE)).isEqualTo(Role.CUSTOMER.claimValue());
        assertThat(claims.getStringListClaimValue(Claims.GRANTS)).isNotEmpty().isSorted();
        assertThat(claims.getClaimValueAsString(Claims.NAME)).isEqualTo("Dana");
        assertThat(claims.getJwtId()).isNotBlank();
        assertThat(claims.hasClaim(Claims.IDENTITY)).isFalse();
        assertThat(claims.getExpirationTime().getValue()).isEqualTo(token.expiresAt().getEpochSecond())
                .isGreaterThan(claims.getIssuedAt().getValue());
    }

    @Test
    void anAgentsTokenNamesTheIdentityThatCreatedTheRoom() throws Exception {
        IssuedToken token = issuer.issue("room-1", "agent-1", Role.AGENT, "Sam", "oidc:issuer|sam");

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token.jwt());
        JwtClaims claims = JwtClaims.parse(jws.getUnverifiedPayload());
        assertThat(claims.getClaimValueAsString(Claims.IDENTITY)).isEqualTo("oidc:issuer|sam");
        assertThat(claims.getClaimValueAsString(Claims.ROLE)).isEqualTo(Role.AGENT.claimValue());
    }
}
