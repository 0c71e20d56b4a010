package dev.coview.contracts.ws;

/**
 * WebSocket close codes CoView's sockets use. 1xxx are RFC 6455's; 4xxx are CoView's own (the range RFC 6455
 * leaves to applications). A client reconnects after 1001 and 1011, never after a 4xxx: those are final.
 */
public final class CloseCodes {
    /** The service is shutting down; reconnect (another instance will take the socket). */
    public static final int GOING_AWAY = 1001;
    /** A frame that is not valid JSON or not a valid message. */
    public static final int INVALID_PAYLOAD = 1007;
    /** Policy violation: a flood (the per-connection rate limit was exceeded repeatedly). */
    public static final int POLICY_VIOLATION = 1008;
    /** A frame larger than the 64 KiB limit. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /**
     * The socket did not keep up: its write queue stayed full (annotation-service, {@code slow-socket-grace}); reconnect
     * with backoff, to a fresh state.
     */
    public static final int TRY_AGAIN_LATER = 1013;
    /** Unexpected server error; reconnect with backoff. */
    public static final int INTERNAL_ERROR = 1011;

    /**
     * The room has ended (agent ended it, or its TTL ran out); do not reconnect. Signaling's close reason is
     * {@link #ROOM_ENDED_REASON_PREFIX} followed by {@code room.ended}'s reason ({@code agent}, {@code expired}), so
     * the page can tell the person why.
     */
    public static final int ROOM_ENDED = 4000;
    /** The token is missing, invalid or expired; get a new one before reconnecting. */
    public static final int UNAUTHORIZED = 4001;
    /** The same participant connected again elsewhere; this older socket is replaced. */
    public static final int REPLACED = 4002;
    /** The participant was removed from the room. */
    public static final int REMOVED = 4003;

    /** How the close reason of {@link #ROOM_ENDED} starts; {@code room.ended}'s reason follows it. */
    public static final String ROOM_ENDED_REASON_PREFIX = "room ended: ";

    private CloseCodes() {
    }
}
