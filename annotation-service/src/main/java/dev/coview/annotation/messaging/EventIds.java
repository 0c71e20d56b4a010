package dev.coview.annotation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event ids: a random prefix per process start plus a counter, e.g. {@code q7L2x9aBcD-1f}. Unique across instances
 * and restarts (128 random bits per start), which is all deduplication needs, and far cheaper per message than a
 * {@link java.util.UUID#randomUUID()} (which takes a lock on a shared {@link SecureRandom}) on the pointer path.
 */
@ApplicationScoped
public class EventIds {

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    public EventIds() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.prefix = Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "-";
    }

    public String next() {
        return prefix + Long.toString(counter.incrementAndGet(), 36);
    }
}
