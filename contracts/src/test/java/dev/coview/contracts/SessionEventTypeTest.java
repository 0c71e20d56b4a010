package dev.coview.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import dev.coview.contracts.events.SessionEventType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Pure unit test of the contract constants; no infrastructure. */
class SessionEventTypeTest {

    @Test
    void everyTypeFollowsTheDevCoviewNounVerbConventionAndRoundTrips() {
        for (SessionEventType t : SessionEventType.values()) {
            assertThat(t.type()).matches("dev\\.coview\\.[a-z]+\\.[a-z]+");
            assertThat(SessionEventType.fromType(t.type())).isSameAs(t);
        }
        assertThat(Arrays.stream(SessionEventType.values()).map(SessionEventType::type).distinct())
                .hasSize(SessionEventType.values().length);
    }

    @Test
    void unknownTypesAndRolesAreRefused() {
        assertThatThrownBy(() -> SessionEventType.fromType("dev.coview.room.exploded"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Role.fromClaim("root")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grant.fromClaim("ADMIN")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void observersHoldNoGrantAndCustomersAndAgentsShare() {
        assertThat(Role.OBSERVER.defaultGrants()).isEmpty();
        assertThat(Role.CUSTOMER.defaultGrants()).contains(Grant.SHARE).doesNotContain(Grant.ADMIN);
        assertThat(Role.AGENT.defaultGrants()).contains(Grant.ADMIN, Grant.FREEZE, Grant.SHARE);
    }
}
