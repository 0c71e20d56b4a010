package dev.coview.webhook.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between attempts: {@code initial × 2^(failures-1)}, at most {@code max}, each ±20 % at random so that
 * many events that failed together (an endpoint that was down) do not retry in lock-step.
 */
record Backoff(Duration initial, Duration max) {

    Duration after(int failures) {
        long base = initial.toMillis();
        long capped = max.toMillis();
        long wait = failures >= 31 ? capped : Math.min(capped, base << Math.max(0, failures - 1));
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.max(1, (long) (wait * jitter)));
    }
}
