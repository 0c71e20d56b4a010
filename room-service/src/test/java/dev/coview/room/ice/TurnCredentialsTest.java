package dev.coview.room.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * TURN REST API credentials against vectors computed outside Java: RFC 2202's HMAC-SHA1 test case 2, and a
 * credential computed with {@code openssl dgst -sha1 -hmac north-star -binary | base64}. Pure unit test.
 */
class TurnCredentialsTest {

    @Test
    void passwordIsBase64OfHmacSha1AsRfc2202Says() {
        // RFC 2202 test case 2: key "Jefe", data "what do ya want for nothing?" → effcdf6a…259a7c79.
        assertThat(TurnCredentials.password("Jefe", "what do ya want for nothing?"))
                .isEqualTo("7/zfauXrL6LSdBbV8YTfnCWafHk=");
    }

    @Test
    void usernameIsExpiryColonParticipantAndPasswordMatchesOpenssl() {
        TurnCredentials.Credential c = TurnCredentials.of("north-star", "p-alice", Instant.ofEpochSecond(1_700_000_000));
        assertThat(c.username()).isEqualTo("1700000000:p-alice");
        // printf '%s' '1700000000:p-alice' | openssl dgst -sha1 -hmac 'north-star' -binary | base64
        assertThat(c.password()).isEqualTo("wX/pex+KC5NxOses3YZ9ZaIRMzY=");
    }
}
