package dev.coview.room.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import dev.coview.room.config.RoomConfig;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** The share policy decides which roles' tokens carry the {@code share} grant. Plain JVM: no infrastructure. */
class SharePolicyTest {

    @Test
    void bothShareByDefaultAndCustomerOnlyTakesTheAgentsGrant() {
        assertThat(issuer(RoomConfig.SharePolicy.BOTH).grants(Role.AGENT)).contains(Grant.SHARE, Grant.ADMIN);
        assertThat(issuer(RoomConfig.SharePolicy.BOTH).grants(Role.CUSTOMER)).contains(Grant.SHARE);

        TokenIssuer customerOnly = issuer(RoomConfig.SharePolicy.CUSTOMER_ONLY);
        assertThat(customerOnly.grants(Role.AGENT)).doesNotContain(Grant.SHARE).contains(Grant.ADMIN, Grant.FREEZE);
        assertThat(customerOnly.grants(Role.CUSTOMER)).contains(Grant.SHARE, Grant.ANNOTATE);
        assertThat(customerOnly.grants(Role.OBSERVER)).isEmpty();
        // One at a time: both may share (the pages refuse a share while the other side's runs).
        assertThat(issuer(RoomConfig.SharePolicy.ONE_AT_A_TIME).grants(Role.AGENT)).contains(Grant.SHARE);
        assertThat(RoomConfig.SharePolicy.ONE_AT_A_TIME.value()).isEqualTo("one-at-a-time");
        // The role's defaults are not changed by one token's narrowing.
        assertThat(Role.AGENT.defaultGrants()).contains(Grant.SHARE);
    }

    private static TokenIssuer issuer(RoomConfig.SharePolicy policy) {
        RoomConfig config = (RoomConfig) Proxy.newProxyInstance(RoomConfig.class.getClassLoader(),
                new Class<?>[] {RoomConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sharePolicy")) {
                        return policy;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new TokenIssuer(null, config);
    }
}
