package dev.coview.reliability.testing;

import dev.coview.local.testing.JdkWebSockets;
import dev.coview.local.testing.WholeTexts;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One socket as a browser opens it (the JDK's WebSocket client): the token in the bearer-carrier subprotocols, an
 * allowed {@code Origin}. {@code /ws/signal} unless a path is given ({@code /ws/annotations}, see
 * {@link Annotations}).
 *
 * @param socket the JDK's socket
 * @param inbox  what it received
 */
public record Peer(WebSocket socket, Inbox inbox) implements AutoCloseable {

    /** An origin every instance of the suite allows (the service default). */
    public static final String ORIGIN = "http://localhost:8080";
    /** signaling-service's socket. */
    public static final String SIGNAL = "/ws/signal";

    /** Connects to {@code /ws/signal} on {@code port}; fails if the upgrade is refused. */
    public static Peer connect(int port, String token) {
        return connect(port, SIGNAL, token, new Inbox());
    }

    /** Connects to {@code path} on {@code port}, its messages checked by {@code inbox}; fails if refused. */
    public static Peer connect(int port, String path, String token, Inbox inbox) {
        try {
            return open(port, path, token, ORIGIN, "", inbox);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open " + path + " on port " + port, e);
        }
    }

    /**
     * Tries an upgrade and answers the HTTP status: 101 when the socket opened (it is closed again at once), else
     * the refusal's status.
     *
     * @param token  {@code null} for no token at all (no subprotocols)
     * @param origin {@code null} for no {@code Origin} header
     * @param query  appended to {@code /ws/signal}, e.g. {@code ?room=…}
     */
    public static int upgradeStatus(int port, String token, String origin, String query) {
        return upgradeStatus(port, SIGNAL, token, origin, query);
    }

    /** {@link #upgradeStatus(int, String, String, String)} on another socket's {@code path}. */
    public static int upgradeStatus(int port, String path, String token, String origin, String query) {
        try (Peer p = open(port, path, token, origin, query, new Inbox(text -> List.of()))) {
            return 101;
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw new IllegalStateException("upgrade failed without an HTTP answer", e);
        } catch (Exception e) {
            throw new IllegalStateException("upgrade failed", e);
        }
    }

    private static Peer open(int port, String path, String token, String origin, String query, Inbox inbox)
            throws Exception {
        return new Peer(JdkWebSockets.open(port, path + query, token, origin, listener(inbox)), inbox);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** This socket once its first message, of type {@code type} (a welcome, a room's state), has arrived. */
    public Peer greeted(String type, Duration timeout) {
        inbox.next(type, timeout);
        return this;
    }

    /** Sends without waiting; a failure (the socket closed meanwhile) is the answer, not an exception. */
    public boolean trySend(String text) {
        try {
            socket.sendText(text, true).get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public boolean trySendBinary(byte[] data) {
        try {
            socket.sendBinary(ByteBuffer.wrap(data), true).get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Drops the TCP connection without a close handshake, like a lost network. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        JdkWebSockets.closeNormally(socket);
        socket.abort();
    }

    /**
     * The listener's socket stays open whatever {@code inbox} does with a message: one that throws makes the JDK
     * client abort the socket, the message would vanish and the test wait for it in vain.
     */
    private static WholeTexts listener(Inbox inbox) {
        return new WholeTexts(text -> {
            try {
                inbox.message(text);
            } catch (RuntimeException | Error e) {
                inbox.failed("the test's listener failed on a " + text.length() + "-character message: " + e);
                e.printStackTrace();
            }
        }, (code, reason) -> inbox.closed(code), error -> {
            inbox.failed("socket error: " + error);
            inbox.closed(1006);
        });
    }
}
