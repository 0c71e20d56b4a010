package dev.coview.contracts.kafka;

/**
 * Kafka topic names. Every record is keyed by room id so that each room's events stay in one partition, in order.
 */
public final class Topics {
    /** Durable annotation events (stroke, shape, erase, undo/redo, clear, crop, masks, freeze, reference, snapshot);
     *  the log that room state is rebuilt from. Compaction off, retention as long as a room can live. */
    public static final String ANNOTATIONS = "coview.annotations";
    /** Pointer moves: short retention, never replayed as state. */
    public static final String POINTERS = "coview.pointers";
    /** CloudEvents 1.0 (binary mode) for other systems: the integration surface. */
    public static final String SESSION_EVENTS = "coview.session-events";
    /** Records that could not be processed, with the reason in headers. */
    public static final String DEAD_LETTER = "coview.dead-letter";
    /** Session events webhook-service gave up delivering to an endpoint (after its retry period): the original
     *  record (key, value, {@code ce_} headers) plus {@code coview-webhook-endpoint}, {@code coview-webhook-error}
     *  and {@code coview-webhook-attempts}. Retained like {@link #SESSION_EVENTS}; an operator replays from it. */
    public static final String WEBHOOK_DEAD_LETTERS = "coview.webhook-dead-letters";

    private Topics() {
    }
}
