package dev.coview.signaling.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coview.contracts.auth.Role;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.PrometheusText;
import dev.coview.local.testing.TestTokens;
import dev.coview.signaling.testing.SignalClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * signaling-service's meters, read from {@code /q/metrics} on the management port of the test instance (real Redis
 * and Kafka of deploy/local): open sockets by role, active rooms, the relay histogram, refused upgrades by reason,
 * and websockets-next's own connection counters (its message counters see no signal: they go past it).
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class SignalMetricsTest {

    private static final Duration WAIT = SignalClient.WAIT;
    private static final String AGENTS = "coview_sockets_open{role=\"agent\"";
    private static final String CUSTOMERS = "coview_sockets_open{role=\"customer\"";
    private static final String RELAYED = "coview_signal_relay_seconds_count";
    private static final String ROOMS = "coview_rooms_active";

    @TestHTTPResource("/")
    URI base;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void socketsRoomsAndRelaysAreMeasured() {
        String before = scrape();
        String room = TestTokens.randomId();
        String agentId = TestTokens.randomId();
        String customerId = TestTokens.randomId();
        try (SignalClient agent = SignalClient.connect(base, TestTokens.token(room, agentId, Role.AGENT));
             SignalClient customer = SignalClient.connect(base, TestTokens.token(room, customerId, Role.CUSTOMER))) {
            agent.received().next("welcome", WAIT);
            customer.received().next("welcome", WAIT);
            customer.send("{\"type\":\"offer\",\"to\":\"" + agentId + "\",\"sdp\":\"v=0 offer\"}");
            // The customer is in the agent's welcome or in one peer-joined after it, whichever came first.
            agent.received().nextOfType("offer", WAIT);

            String during = scrape();
            assertThat(delta(before, during, AGENTS)).isEqualTo(1.0);
            assertThat(delta(before, during, CUSTOMERS)).isEqualTo(1.0);
            assertThat(delta(before, during, ROOMS)).isEqualTo(1.0);
            // Counted when the relay's Redis answer comes back, which may be after the offer was delivered.
            Awaitility.await("relay counted").atMost(WAIT).until(() -> delta(before, scrape(), RELAYED) == 1.0);
            assertThat(PrometheusText.value(during, "coview_signal_relay_seconds_bucket{le=\"+Inf\"")).isPresent();
            assertThat(PrometheusText.value(during, "quarkus_websockets_server_connections_opened_total")).isPresent();
            // Text messages reach SignalSocket straight from the Vert.x socket (DirectInbound), past websockets-next's
            // per-message wrapping and meters: had they gone through it, the offer would be counted here.
            assertThat(PrometheusText.value(during, "quarkus_websockets_server_count_total{direction=\"INBOUND\""))
                    .isEmpty();
            // Failed relays are counted by reason; the series exist before the first failure (alerts take rate()).
            assertThat(PrometheusText.value(during, "coview_signal_relay_failures_total{reason=\"behind\""))
                    .isPresent();
            assertThat(PrometheusText.value(during, "coview_signal_relay_failures_total{reason=\"unavailable\""))
                    .isPresent();
        }
        Awaitility.await("sockets counted as closed").atMost(WAIT)
                .until(() -> delta(before, scrape(), AGENTS) == 0 && delta(before, scrape(), CUSTOMERS) == 0);
    }

    @Test
    void refusedUpgradesAreCountedByReason() {
        String series = "coview_socket_upgrades_refused_total{reason=\"token\"";
        String before = scrape();
        assertThatThrownBy(() -> SignalClient.connect(base, "not-a-token")).as("refused upgrade").isNotNull();
        // Counted by the security event of the refusal (UpgradeTokenRefusals): a forged token fails authentication.
        Awaitility.await("token refusal counted").atMost(WAIT)
                .until(() -> delta(before, scrape(), series) == 1.0);
        // A REST-shaped call with the same bad token is not a socket refusal.
        given().header("Authorization", "Bearer not-a-token").get(base.resolve("/ws/signal"));
        assertThat(delta(before, scrape(), series)).isEqualTo(1.0);
    }

    private double delta(String before, String after, String series) {
        return PrometheusText.valueOrZero(after, series) - PrometheusText.valueOrZero(before, series);
    }

    private String scrape() {
        return given().get(metrics.toString()).then().statusCode(200).extract().asString();
    }
}
