package dev.coview.room.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * Trusted proxies that Quarkus would look up in DNS on every request: the shipped default has none (its old
 * {@code ::1} cost room-service three quarters of its throughput), and such entries are told apart from the ones
 * matched in memory.
 */
@QuarkusTest
class TrustedProxiesTest {

    @Inject
    Config config;

    @Test
    void theShippedDefaultNeedsNoDnsLookup() {
        List<String> entries = config.getValues(TrustedProxies.PROPERTY, String.class);
        assertThat(entries).isNotEmpty();
        assertThat(TrustedProxies.needingDns(entries)).isEmpty();
    }

    @Test
    void addressesCidrsAndBracketedIpv6AreMatchedInMemory() {
        assertThat(TrustedProxies.needingDns(List.of("127.0.0.1", "10.0.0.7:8443", "10.0.0.0/8", "::1/128",
                "fd00::/8", "[::1]", "[2001:db8::5]:443", "localhost", " 192.168.0.0/16 "))).isEmpty();
    }

    @Test
    void hostNamesAndBareIpv6AreRefused() {
        assertThat(TrustedProxies.needingDns(List.of("::1", "fd00::1", "0:0:0:0:0:0:0:1", "ingress.internal", "proxy")))
                .containsExactly("::1", "fd00::1", "0:0:0:0:0:0:0:1", "ingress.internal", "proxy");
    }
}
