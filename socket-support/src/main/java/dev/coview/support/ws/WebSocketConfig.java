package dev.coview.support.ws;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Limits and checks both WebSocket services apply to every socket. */
@ConfigMapping(prefix = "coview.ws")
public interface WebSocketConfig {

    /**
     * Browser origins allowed to open a socket (scheme://host[:port]); {@code *} allows any. A handshake without
     * an {@code Origin} header does not come from a browser page (no cross-site risk) and is allowed; the token
     * is still required. Default: the local web client (room-service) and the Vite dev server.
     */
    @WithDefault("http://localhost:8080,http://127.0.0.1:8080,http://localhost:5173")
    List<String> allowedOrigins();

    /** Sustained messages per second one connection may send. */
    @WithDefault("100")
    int messagesPerSecond();

    /** Messages one connection may send in a burst above the sustained rate. */
    @WithDefault("200")
    int burst();

    /**
     * Messages over the rate a connection may send within about ten seconds (each is refused with an
     * {@code error rate-limited}) before the socket is closed with 1008.
     */
    @WithDefault("50")
    int floodLimit();

    /**
     * Socket upgrades one participant may make within {@link #upgradeWindow()}, both sockets and every instance
     * together; beyond, the upgrade is refused with 429. Default 20 (a client's reconnect backoff stays far below).
     */
    @WithDefault("20")
    int upgradesPerWindow();

    /** The window of {@link #upgradesPerWindow()}. Default 10s. */
    @WithDefault("10s")
    java.time.Duration upgradeWindow();
}
