package dev.coview.bench.core;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The tail of a measured window: what the loop sent before it stopped may still be on its way to the receivers.
 * Load generation, not a test: polling is how it learns when the tail has arrived.
 */
public final class Drain {

    private Drain() {
    }

    /** Polls every 20 ms until {@code arrived} holds or {@code max} has passed; what is missing then counts as lost. */
    public static void until(BooleanSupplier arrived, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!arrived.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
