package dev.coview.support.ws;

import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;
import io.quarkus.security.spi.runtime.SecurityEvent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Counts {@code coview_socket_upgrades_refused_total{reason="token"}} for the handshakes that Quarkus security refuses
 * before {@link UpgradeGuard} runs: a token that does not verify fails authentication, a missing one fails the
 * endpoint's {@code @Authenticated}. Both arrive here as security events carrying the request; only WebSocket upgrades
 * count (a REST call with a bad token is not a socket refusal). An on-call engineer reads a rise of this series as
 * "clients hold stale or forged tokens", which neither the Origin nor the room refusals would show.
 */
@ApplicationScoped
public class UpgradeTokenRefusals {

    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();

    private final SocketMetrics metrics;

    public UpgradeTokenRefusals(SocketMetrics metrics) {
        this.metrics = metrics;
    }

    void authenticationFailed(@Observes AuthenticationFailureEvent event) {
        count(event);
    }

    void authorizationFailed(@Observes AuthorizationFailureEvent event) {
        count(event);
    }

    private void count(SecurityEvent event) {
        if (event.getEventProperties().get(ROUTING_CONTEXT) instanceof RoutingContext rc && isUpgrade(rc)) {
            metrics.refused(SocketMetrics.Refusal.TOKEN);
        }
    }

    static boolean isUpgrade(RoutingContext rc) {
        String upgrade = rc.request().getHeader(HttpHeaders.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }
}
