package dev.coview.signaling.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Role;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.RawWebSocket;
import dev.coview.local.testing.TestTokens;
import dev.coview.signaling.testing.SignalClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The idle timeout (test profile: server pings every 1 s, idle after 5 s) in the Quarkus test JVM against the real
 * Redis and Kafka of deploy/local ({@link LocalStackResource}): a client that answers nothing is closed with 1001,
 * one that answers pings (every library client does, like browsers) is not. The silent one is written by hand
 * ({@link RawWebSocket}), since no library client can be kept from answering pings.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class IdleTimeoutTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aSilentSocketIsClosedWith1001AndOneThatAnswersPingsStaysOpen() throws Exception {
        String room = TestTokens.randomId();
        try (SignalClient alive = SignalClient.connect(base, TestTokens.token(room, TestTokens.randomId(), Role.AGENT));
             RawWebSocket silent = RawWebSocket.connect(base.getPort(), "/ws/signal",
                     TestTokens.token(room, TestTokens.randomId(), Role.CUSTOMER), SignalClient.ORIGIN)) {
            alive.received().next("welcome", SignalClient.WAIT);
            assertThat(silent.awaitClose(Duration.ofSeconds(20)))
                    .as("close code (0: nothing for 20 s, 1006: dropped without one)").isEqualTo(CloseCodes.GOING_AWAY);
            assertThat(alive.isOpen()).as("the client that answers pings").isTrue();
        }
    }
}
