package dev.coview.signaling.api;

import dev.coview.contracts.ws.CloseCodes;
import dev.coview.signaling.config.SignalingConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Idle timeout: closes (1001, so the client reconnects) a socket from which nothing arrived for
 * {@code coview.signaling.idle-timeout}. The server pings every socket ({@code auto-ping-interval}) and browsers
 * answer on their own, so only a dead link or a frozen client goes silent. The HTTP idle timeout cannot do this: the
 * server's own pings count as activity for it.
 */
@ApplicationScoped
public class IdleSockets {

    private final OpenConnections connections;
    private final SignalingConfig config;
    private final Vertx vertx;
    private long timer = -1;

    @Inject
    public IdleSockets(OpenConnections connections, SignalingConfig config, Vertx vertx) {
        this.connections = connections;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent ignored) {
        long period = Math.max(1000, config.idleTimeout().toMillis() / 4);
        timer = vertx.setPeriodic(period, t -> sweep(System.nanoTime()));
    }

    void stop(@Observes ShutdownEvent ignored) {
        vertx.cancelTimer(timer);
    }

    private void sweep(long now) {
        long limit = config.idleTimeout().toNanos();
        for (WebSocketConnection c : connections) {
            SignalSession session = c.userData().get(SignalSocket.SESSION);
            if (session != null && now - session.lastHeardNanos() > limit) {
                Log.debugf("closing idle socket %s", c.id());
                session.socket().close(CloseCodes.GOING_AWAY, "idle");
            }
        }
    }
}
