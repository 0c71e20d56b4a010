package dev.coview.signaling.routing;

import dev.coview.contracts.signal.ServerSignal;

/**
 * One open signaling socket as the routers see it: something to send messages to and to close. The endpoint
 * adapts its WebSocket connection to it; tests use a recording fake. Both methods return at once (the write
 * happens on the connection's event loop) and never throw.
 */
public interface PeerSocket {

    /** Identifies this socket among all sockets of all instances (the websockets-next connection id). */
    String connectionId();

    /** Sends one message; a socket that has closed meanwhile drops it. */
    void send(ServerSignal message);

    /** Sends one message already serialized as JSON (a {@link ServerSignal} relayed from another instance). */
    void sendJson(String json);

    /** Closes the socket with a WebSocket close code and reason. */
    void close(int code, String reason);
}
