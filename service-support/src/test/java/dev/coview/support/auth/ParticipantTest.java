package dev.coview.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import jakarta.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** Claim parsing of {@link Participant}; pure unit test, no infrastructure. */
class ParticipantTest {

    @Test
    void readsTheClaimsOfAVerifiedToken() {
        Participant p = Participant.of(jwt(Map.of("sub", "p1", "room", "r1", "role", "customer",
                "grants", Json.createArrayBuilder().add("share").add("annotate").build(), "name", "Ada",
                "jti", "t1")));
        assertThat(p).isEqualTo(new Participant("p1", "r1", Role.CUSTOMER, Set.of(Grant.SHARE, Grant.ANNOTATE),
                "Ada", "t1"));
        assertThat(p.can(Grant.SHARE)).isTrue();
        assertThat(p.can(Grant.FREEZE)).isFalse();
    }

    @Test
    void refusesTokensWithoutRoomOrWithUnknownRoleOrGrant() {
        assertThatThrownBy(() -> Participant.of(jwt(Map.of("sub", "p1", "role", "agent"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Participant.of(jwt(Map.of("sub", "p1", "room", "r1", "role", "root"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Participant.of(jwt(Map.of("sub", "p1", "room", "r1", "role", "agent",
                "grants", Json.createArrayBuilder().add("everything").build()))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonWebToken jwt(Map<String, Object> claims) {
        Map<String, Object> c = new HashMap<>(claims);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return (String) c.get("sub");
            }

            @Override
            public Set<String> getClaimNames() {
                return c.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) c.get(claimName);
            }
        };
    }
}
