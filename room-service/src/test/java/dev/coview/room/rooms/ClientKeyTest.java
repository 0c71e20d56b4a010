package dev.coview.room.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who counts as one client for the join-code guessing limit (plain unit test). */
class ClientKeyTest {

    @Test
    void anIpv4AddressIsOneClient() {
        assertThat(ClientKey.of("198.51.100.7", "10.0.0.2")).isEqualTo("4:198.51.100.7");
        assertThat(ClientKey.of("::ffff:198.51.100.7", "10.0.0.2")).isEqualTo("4:198.51.100.7");
    }

    @Test
    void anIpv6ClientIsItsSlash64() {
        assertThat(ClientKey.of("2001:db8:7:7:1::1", "10.0.0.2")).isEqualTo("6:2001:db8:7:7::/64");
        assertThat(ClientKey.of("[2001:db8:7:7:ffff:ffff:ffff:ffff]", "10.0.0.2"))
                .isEqualTo(ClientKey.of("2001:db8:7:7::9", "10.0.0.2"));
        assertThat(ClientKey.of("2001:db8:7:8::1", "10.0.0.2")).isNotEqualTo(ClientKey.of("2001:db8:7:7::1", "x"));
    }

    @Test
    void aClaimThatIsNotAnAddressCountsAsThePeerNeverAsAnAttackersChoiceOrNull() {
        for (String claim : new String[] {null, "", "unknown", "evil.example", "abc.def", "1.2.3", "_hidden"}) {
            assertThat(ClientKey.of(claim, "203.0.113.9")).as(claim).isEqualTo("4:203.0.113.9");
        }
    }
}
