package dev.coview.reliability.testing;

import dev.coview.local.testing.JdkWebSockets;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An attacker's socket: it keeps none of what it receives (an attack sends hundreds of megabytes back), only
 * counts it: frames and bytes, error codes, the close code. {@link Inbox} would hold every frame in the test JVM.
 */
public final class CountingSocket implements AutoCloseable {

    private static final Pattern CODE = Pattern.compile("\"code\":\"([a-z-]+)\"");

    private final WebSocket socket;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    /** A stalled socket reads nothing after its first frame until {@link #resume()}: a client that does not keep up. */
    private volatile boolean stalled;

    private CountingSocket(int port, String path, String token, boolean stalled) throws Exception {
        this.stalled = stalled;
        socket = JdkWebSockets.open(port, path, token, Peer.ORIGIN, new Listener());
    }

    /** Opens {@code path} on {@code port} with {@code token}; fails if the upgrade is refused. */
    public static CountingSocket open(int port, String path, String token) {
        return open(port, path, token, false);
    }

    /** {@link #open(int, String, String)}; {@code stalled}: reads its first frame only, until {@link #resume()}. */
    public static CountingSocket open(int port, String path, String token, boolean stalled) {
        try {
            return new CountingSocket(port, path, token, stalled);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open " + path + " on port " + port, e);
        }
    }

    /** Sends a text frame and waits until it is written; {@code false} once the socket is closed. */
    public boolean send(String text) {
        if (closed.isDone()) {
            return false;
        }
        try {
            socket.sendText(text, true).get(30, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public long frames() {
        return frames.get();
    }

    public long bytes() {
        return bytes.get();
    }

    /** {@code error} messages received, by code. */
    public Map<String, Long> errors() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        errors.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Reads again what arrived meanwhile (and the close, if it was closed). */
    public void resume() {
        stalled = false;
        socket.request(Long.MAX_VALUE);
    }

    /** Waits up to {@code timeout} for the close; its code, or -1 if still open. */
    public int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return -1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The close code, {@code -1} while open. */
    public int closeCode() {
        return closed.getNow(-1);
    }

    @Override
    public void close() {
        JdkWebSockets.closeNormally(socket);
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            bytes.addAndGet(data.length());
            // Only the head of a frame is kept until it is complete: enough to read an error's code.
            if (partial.length() < 256) {
                partial.append(data, 0, Math.min(data.length(), 256));
            }
            if (last) {
                frames.incrementAndGet();
                if (partial.indexOf("\"type\":\"error\"") >= 0) {
                    Matcher m = CODE.matcher(partial);
                    errors.computeIfAbsent(m.find() ? m.group(1) : "?", k -> new AtomicLong()).incrementAndGet();
                }
                partial.setLength(0);
            }
            if (!stalled) {
                ws.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(1006);
        }
    }
}
