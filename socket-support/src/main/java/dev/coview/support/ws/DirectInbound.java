package dev.coview.support.ws;

import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketBase;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Hands a websockets-next connection's text messages to the endpoint straight from the Vert.x socket, on the
 * socket's event loop. websockets-next wraps every inbound message in a new duplicated Vert.x context with its own
 * locals, a task to run on it, a captured context-propagation snapshot, a {@code Uni} pipeline and per-message
 * meters: on the signaling relay (thousands of small frames a second per instance) that wrapping was about a fifth
 * of all that was allocated per delivered signal (JFR, bench/results/TUNING-tail.md, session 16). Without it the
 * pinned signaling-service used a fifth to a quarter less CPU per delivery at 12,000-24,000 signals/s, and
 * annotation-service's pointer p99 at 500 rooms fell by a fifth or more (session 17).
 *
 * <p>Order is kept as websockets-next keeps it (one message of a socket at a time): a message whose handling is not
 * done when the handler returns pauses the socket until it is, so the next frame waits in Vert.x's buffer (past its
 * high-water mark Vert.x stops reading the connection) and then in TCP, not in a queue of ours a client could grow.
 * Pings, pongs and close frames are handled as Vert.x reads them, paused or not, by websockets-next's handlers, as
 * are failures (a message over the size limit). The price: websockets-next's message meters no longer count these
 * messages (CoView's own relay and pointer meters do), and the handler runs on the event loop's context rather than
 * a duplicated one, so it must not rely on context locals (tracing does: callers keep websockets-next's path when
 * tracing is on).
 */
public final class DirectInbound implements Handler<String> {

    private final WebSocketBase socket;
    private final Context context;
    private final Uni<Void> done;
    private final Function<String, Uni<Void>> handler;
    private final Consumer<Throwable> failed;
    private final Handler<Void> resume;

    private DirectInbound(WebSocketBase socket, Context context, Uni<Void> done, Function<String, Uni<Void>> handler,
                          Consumer<Throwable> failed) {
        this.socket = socket;
        this.context = context;
        this.done = done;
        this.handler = handler;
        this.failed = failed;
        this.resume = v -> socket.resume();
    }

    /**
     * Routes the connection's text messages to {@code handler} from now on; call it from {@code @OnOpen}, and return
     * {@link #after}'s answer. Returns {@code null} (and changes nothing: messages keep reaching
     * {@code @OnTextMessage}) when the Vert.x socket cannot be reached.
     *
     * @param done    the handler's answer for a message it finished synchronously: nothing waits for it
     * @param failed  told of a handler that threw or whose answer failed
     */
    public static DirectInbound install(WebSocketConnection connection, Uni<Void> done,
                                        Function<String, Uni<Void>> handler, Consumer<Throwable> failed) {
        WebSocketBase socket = FrameWriter.webSocket(connection);
        Context context = Vertx.currentContext();
        if (socket == null || context == null) {
            return null;
        }
        return attach(socket, context, done, handler, failed);
    }

    /** {@link #install} on a Vert.x socket; {@code context} is the socket's, where it is resumed. */
    static DirectInbound attach(WebSocketBase socket, Context context, Uni<Void> done,
                                Function<String, Uni<Void>> handler, Consumer<Throwable> failed) {
        DirectInbound inbound = new DirectInbound(socket, context, done, handler, failed);
        socket.textMessageHandler(inbound);
        return inbound;
    }

    /**
     * Holds the socket's messages until {@code opening} (the endpoint's {@code @OnOpen} work) has ended, as
     * websockets-next does for the messages it hands over: a client that sends right after its welcome must not
     * overtake the rest of its own join. Returns {@code opening}, which the caller returns from {@code @OnOpen}.
     */
    public Uni<Void> after(Uni<Void> opening) {
        socket.pause();
        return opening.eventually(() -> context.runOnContext(resume));
    }

    @Override
    public void handle(String text) {
        Uni<Void> handled;
        try {
            handled = handler.apply(text);
        } catch (RuntimeException e) {
            failed.accept(e);
            return;
        }
        if (handled == done) {
            return;
        }
        socket.pause();
        handled.subscribe().with(ignored -> context.runOnContext(resume), e -> {
            failed.accept(e);
            context.runOnContext(resume);
        });
    }
}
