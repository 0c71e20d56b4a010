package dev.coview.room.problems;

import java.net.URI;

/**
 * The kinds of problem room-service answers with, each with its RFC 9457 {@code type} URI, HTTP status and title.
 * Clients branch on the type, never on the detail text.
 */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", 400, "The request is invalid"),
    MALFORMED_JSON("malformed-json", 400, "The request body is not valid JSON of the expected shape"),
    UNAUTHORIZED("unauthorized", 401, "Authentication is required"),
    TOO_MANY_KEY_ATTEMPTS("too-many-key-attempts", 429, "Too many wrong API keys; wait before trying again"),
    FORBIDDEN("forbidden", 403, "The token does not allow this"),
    WRONG_ROOM("wrong-room", 403, "The token is for another room"),
    CONSENT_REQUIRED("consent-required", 403, "The customer has not consented to this recording"),
    NOT_FOUND("not-found", 404, "Not found"),
    ROOM_NOT_FOUND("room-not-found", 404, "No such room"),
    JOIN_REFUSED("join-refused", 404, "Unknown, expired or already used join code or invite"),
    REJOIN_REFUSED("rejoin-refused", 404, "Unknown, expired or already used rejoin credential"),
    PARTICIPANT_REMOVED("participant-removed", 403, "The participant was removed from the room"),
    NOT_YOUR_ROOM("not-your-room", 403, "The room was created by another agent"),
    ROOM_TAKEN("room-taken", 409, "A customer has already joined this room"),
    ROOM_ENDED("room-ended", 410, "The room has ended"),
    TOO_LARGE("too-large", 413, "The upload is larger than allowed"),
    UNSUPPORTED_MEDIA("unsupported-media", 415, "The upload is not of the expected media type"),
    CHUNK_CONFLICT("chunk-conflict", 409, "This chunk was already uploaded with other content"),
    MISSING_CHUNKS("missing-chunks", 409, "Some chunks of the recording were never uploaded"),
    RECORDING_COMPLETED("recording-completed", 409, "The recording is already complete"),
    STORAGE_FULL("storage-full", 507, "No storage left for this session's media"),
    RANGE_NOT_SATISFIABLE("range-not-satisfiable", 416, "The requested range is outside the file"),
    TOO_MANY_ATTEMPTS("too-many-attempts", 429, "Too many join attempts; wait before trying again"),
    JOIN_PAUSED("join-paused", 429, "Joining by code is paused for a moment; use the invite link or wait"),
    HTTP("http", 0, "HTTP error"),
    INTERNAL("internal", 500, "Internal error");

    /** Base of every type URI. */
    public static final String BASE = "https://coview.dev/problems/";

    private final URI uri;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.uri = URI.create(BASE + slug);
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    /** The HTTP status; 0 for {@link #HTTP}, whose status comes from the failed request. */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
