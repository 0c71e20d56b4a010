package dev.coview.bench.core;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/** Closes a scenario's Vert.x without letting a slow close (hundreds of sockets) hide the scenario's result. */
public final class VertxShutdown {

    private VertxShutdown() {
    }

    public static void close(Vertx vertx) {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("bench: Vert.x did not close cleanly (" + e + "); the results stand");
        }
    }
}
