package dev.coview.support.ws;

import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Closes a socket when the token that opened it expires: the token is checked at the upgrade only, and a socket
 * would otherwise outlive it by hours. One Vert.x timer per socket, cancelled when the socket closes first.
 */
@ApplicationScoped
public class TokenExpiry {

    private static final UserData.TypedKey<Long> TIMER = new UserData.TypedKey<>("coview.token-expiry-timer");

    private final Vertx vertx;

    @Inject
    public TokenExpiry(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Runs {@code close} when the connection's token expires ({@link UpgradeGuard#EXPIRES_AT}); at once if it
     * already has (a clock-skew allowance let it through the upgrade).
     */
    public void watch(WebSocketConnection connection, Runnable close) {
        Long expiresAt = connection.userData().get(UpgradeGuard.EXPIRES_AT);
        if (expiresAt == null || expiresAt <= 0) {
            return;
        }
        long delay = Math.max(1, expiresAt * 1000 - System.currentTimeMillis());
        connection.userData().put(TIMER, vertx.setTimer(delay, t -> close.run()));
    }

    /** The socket closed: its timer is not needed any more. */
    public void forget(WebSocketConnection connection) {
        Long timer = connection.userData().get(TIMER);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }
}
