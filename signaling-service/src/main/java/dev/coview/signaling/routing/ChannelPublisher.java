package dev.coview.signaling.routing;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

/**
 * Publishes on rooms' channels over one Redis connection of its own, pipelined. Going through the pool instead costs
 * a connection checkout per command and holds the connection until Redis answers, so the pool (6 connections) caps
 * a busy instance at 6 commands per round trip; that, not CPU, is what saturated signaling at ~12,000 deliveries/s.
 * Redis runs a connection's commands in the order they reach it, and the Vert.x client writes the commands issued
 * from one thread in the order they were issued, so the signals of one socket (handled on its event loop) are
 * published in the order they came. Every command stands alone (no retry that could overtake a later one): see
 * {@link #RELAY_SCRIPT}. A broken connection is replaced on the next call; the commands in flight on it fail (the
 * sender is told to retry).
 */
final class ChannelPublisher {

    /**
     * Publishes ARGV[2] on channel ARGV[1] if participant ARGV[3] has an entry in the room's presence hash KEYS[1];
     * returns whether it had one. One round trip where HEXISTS then PUBLISH took two, and the answer is exact.
     *
     * <p>Sent whole with every relay ({@code EVAL}), not by its digest ({@code EVALSHA}): on a Redis that does not
     * know the digest yet (a fresh or restarted one) the first signals were refused with NOSCRIPT and sent again,
     * and by then the next signals of the same socket had run, so an offer arrived after the candidates and
     * restart that followed it (4 to 6 of 300 rounds of {@code RelayOrderTest}; a CI run of {@code GrantMatrixIT}).
     * Redis caches the compiled script under its digest either way; the cost is the script's bytes on each command.
     */
    static final String RELAY_SCRIPT = """
            if redis.call('HEXISTS', KEYS[1], ARGV[3]) == 0 then return 0 end
            redis.call('PUBLISH', ARGV[1], ARGV[2])
            return 1
            """;
    /** The script as the bytes each command carries, encoded once. */
    private static final byte[] RELAY_SCRIPT_BYTES = RELAY_SCRIPT.getBytes(StandardCharsets.UTF_8);

    private final Redis redis;
    private Future<RedisConnection> connection;
    private boolean stopped;

    ChannelPublisher(io.vertx.mutiny.redis.client.Redis redis) {
        this.redis = redis.getDelegate();
    }

    /** PUBLISH; completes once Redis has taken the message, on the caller's context. */
    Uni<Void> publish(String channel, String payload) {
        // Answers arrive on the connection's event loop; the caller (a socket's handler) continues on its own.
        Context caller = Vertx.currentContext();
        Uni<Void> sent = UniHelper.toUni(send(Request.cmd(Command.PUBLISH).arg(channel).arg(payload)))
                .replaceWithVoid();
        return caller == null ? sent : sent.emitOn(onContext(caller));
    }

    /**
     * Publishes {@code payload} on {@code channel} if {@code participant} has an entry in {@code presenceKey};
     * completes with whether it had one, on the connection's event loop: the answer only tells the sender whether the
     * addressee was there, which any thread may do, and sending it back to the caller's loop was a task per signal
     * on a busy loop. A Vert.x future, not a {@link Uni}: this is once per relayed signal, and each Mutiny operator
     * captures the thread's contexts (context propagation): five captures per relay were the largest allocation per
     * relayed message (bench/results/TUNING-tail.md, sessions 13 and 15).
     */
    Future<Boolean> publishIfPresent(String presenceKey, String participant, String channel, String payload) {
        Request relay = Request.cmd(Command.EVAL).arg(RELAY_SCRIPT_BYTES).arg(1).arg(presenceKey).arg(channel)
                .arg(payload).arg(participant);
        return send(relay).map(ChannelPublisher::isOne);
    }

    private static boolean isOne(Response answer) {
        return answer != null && answer.toLong() == 1L;
    }

    /** Closes the connection. */
    synchronized void stop() {
        stopped = true;
        if (connection != null) {
            connection.onSuccess(RedisConnection::close);
            connection = null;
        }
    }

    private Future<Response> send(Request request) {
        Future<RedisConnection> used = connection();
        // Open (nearly always): sent from this thread at once, so one thread's commands leave in the order issued.
        Future<Response> sent = used.succeeded() ? used.result().send(request) : used.compose(c -> c.send(request));
        // A connection that failed a command may be dead without having said so (Redis restarted behind a proxy):
        // the next message opens a new one. Not when Redis answered with an error (the connection works), nor when
        // the client's waiting queue is full: Redis (or this JVM, paused by a collection) is behind, and a new
        // connection per failed relay only added connections and pending commands to a heap that was already full
        // (bench/results/TUNING-tail.md, session 12).
        return sent.onFailure(e -> {
            if (!answered(e) && !behind(e)) {
                broken(used, "failed a command: " + e.getMessage());
            }
        });
    }

    private static Executor onContext(Context context) {
        return task -> {
            if (Context.isOnEventLoopThread() && Vertx.currentContext() == context) {
                task.run();
            } else {
                context.runOnContext(v -> task.run());
            }
        };
    }

    private synchronized Future<RedisConnection> connection() {
        if (stopped) {
            return Future.failedFuture(new IllegalStateException("signaling is stopping"));
        }
        if (connection == null) {
            // Assigned before any listener is added: a connection the pool hands over at once would otherwise
            // run them (and a failure's forget) before this field held the future they are about.
            Future<RedisConnection> opening = redis.connect();
            connection = opening;
            opening.onSuccess(c -> c.exceptionHandler(e -> broken(opening, "failed: " + e.getMessage()))
                            .endHandler(v -> broken(opening, "closed")))
                    .onFailure(e -> forget(opening, "could not connect: " + e.getMessage()));
        }
        return connection;
    }

    /** Redis answered the command with an error: the connection itself works. */
    private static boolean answered(Throwable e) {
        return e instanceof Response;
    }

    /** The client refused the command because too many are waiting for Redis's answers on this connection. */
    static boolean behind(Throwable e) {
        return e.getMessage() != null && e.getMessage().contains("waiting queue is full");
    }

    /** The connection {@code which} is unusable: closed (back to the pool, which drops it) and forgotten. */
    private synchronized void broken(Future<RedisConnection> which, String why) {
        if (connection == which) {
            which.onSuccess(RedisConnection::close);
        }
        forget(which, why);
    }

    private synchronized void forget(Future<RedisConnection> which, String why) {
        if (connection == which) {
            connection = null;
            if (!stopped) {
                Log.warnf("signaling publisher connection %s; the next message opens a new one", why);
            }
        }
    }
}
