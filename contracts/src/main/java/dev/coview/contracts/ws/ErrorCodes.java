package dev.coview.contracts.ws;

/**
 * Codes of the {@code {"type":"error","code":…,"message":…}} message both sockets send when a message is refused
 * but the socket stays open.
 */
public final class ErrorCodes {
    /** The {@code type} is not one this socket knows. */
    public static final String UNKNOWN_TYPE = "unknown-type";
    /** A field is missing, of the wrong type or out of range. */
    public static final String INVALID_MESSAGE = "invalid-message";
    /** The token lacks the grant this message needs. */
    public static final String FORBIDDEN = "forbidden";
    /** Addressed to a participant who is not in this room. */
    public static final String UNKNOWN_PEER = "unknown-peer";
    /** Too many messages: this one was dropped (a sustained flood closes the socket with 1008). */
    public static final String RATE_LIMITED = "rate-limited";
    /** The room holds as much as it may (elements, points or bytes of state): nothing more can be drawn in it. */
    public static final String ROOM_FULL = "room-full";
    /** This service instance holds as much room state as it may: drawing is refused until rooms end. */
    public static final String SERVICE_FULL = "service-full";
    /** The service could not process the message right now; retry. */
    public static final String UNAVAILABLE = "unavailable";

    private ErrorCodes() {
    }
}
