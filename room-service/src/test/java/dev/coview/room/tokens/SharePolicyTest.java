package dev.coview.room.tokens;

import static dev.coview.room.config.RoomConfig.SharePolicy.BOTH;
import static dev.coview.room.config.RoomConfig.SharePolicy.CUSTOMER_ONLY;
import static dev.coview.room.config.RoomConfig.SharePolicy.ONE_AT_A_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import dev.coview.room.config.RoomConfig;
import org.junit.jupiter.api.Test;

/** The share policy decides which roles' tokens carry the {@code share} grant. Plain JVM: no infrastructure. */
class SharePolicyTest {

    @Test
    void bothShareByDefaultAndCustomerOnlyTakesTheAgentsGrant() {
        assertThat(TokenIssuer.grants(Role.AGENT, BOTH)).contains(Grant.SHARE, Grant.ADMIN);
        assertThat(TokenIssuer.grants(Role.CUSTOMER, BOTH)).contains(Grant.SHARE);

        assertThat(TokenIssuer.grants(Role.AGENT, CUSTOMER_ONLY)).doesNotContain(Grant.SHARE)
                .contains(Grant.ADMIN, Grant.FREEZE);
        assertThat(TokenIssuer.grants(Role.CUSTOMER, CUSTOMER_ONLY)).contains(Grant.SHARE, Grant.ANNOTATE);
        assertThat(TokenIssuer.grants(Role.OBSERVER, CUSTOMER_ONLY)).isEmpty();
        // One at a time: both may share (the pages refuse a share while the other side's runs).
        assertThat(TokenIssuer.grants(Role.AGENT, ONE_AT_A_TIME)).contains(Grant.SHARE);
        assertThat(RoomConfig.SharePolicy.ONE_AT_A_TIME.value()).isEqualTo("one-at-a-time");
        // The role's defaults are not changed by one token's narrowing.
        assertThat(Role.AGENT.defaultGrants()).contains(Grant.SHARE);
    }
}
