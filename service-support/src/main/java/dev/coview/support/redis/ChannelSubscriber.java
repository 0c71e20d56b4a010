package dev.coview.support.redis;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Messages of one Redis pub/sub channel. Each call of {@link #messages} opens a dedicated subscriber connection:
 * subscribe once per service and channel (at startup) and fan out locally. The connection re-subscribes by itself
 * after Redis comes back; messages published while it was away are lost (pub/sub is at-most-once), so nothing that
 * must arrive may travel only here. The stream never fails; hand it to {@link EveryMessage#handle}, which keeps
 * the subscription alive when a handler throws.
 *
 * <p>A raw connection rather than the Quarkus pub/sub commands, whose {@code subscribe} was seen to never
 * complete now and then ("No handler waiting for message: [subscribe, …]").
 */
@ApplicationScoped
public class ChannelSubscriber {

    private final Redis client;

    @Inject
    public ChannelSubscriber(ReactiveRedisDataSource redis) {
        this.client = redis.getRedis();
    }

    /** The messages published on {@code channel} from now on, while subscribed. */
    public Multi<String> messages(String channel) {
        return Multi.createFrom().emitter(emitter -> connect(channel, emitter, 0));
    }

    private void connect(String channel, MultiEmitter<? super String> emitter, int attempt) {
        if (emitter.isCancelled()) {
            return;
        }
        client.connect().subscribe().with(connection -> {
            emitter.onTermination(connection::closeAndForget);
            connection.handler(push -> receive(channel, push, emitter))
                    .exceptionHandler(e -> Log.debugf("%s subscriber failed: %s", channel, e.getMessage()))
                    .endHandler(() -> retry(channel, emitter, 0));
            connection.send(Request.cmd(Command.SUBSCRIBE).arg(channel)).subscribe().with(
                    ok -> { },
                    e -> {
                        connection.closeAndForget();
                        retry(channel, emitter, attempt + 1);
                    });
        }, e -> retry(channel, emitter, attempt + 1));
    }

    private void retry(String channel, MultiEmitter<? super String> emitter, int attempt) {
        if (emitter.isCancelled()) {
            return;
        }
        // Back off up to 5 s while Redis is away.
        long delayMs = Math.min(5_000, 250L << Math.min(attempt, 5));
        Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(delayMs))
                .subscribe().with(ignored -> connect(channel, emitter, attempt));
    }

    private static void receive(String channel, Response push, MultiEmitter<? super String> emitter) {
        if (push != null && push.size() == 3 && "message".equalsIgnoreCase(push.get(0).toString())
                && channel.equals(push.get(1).toString())) {
            emitter.emit(push.get(2).toString());
        }
    }
}
