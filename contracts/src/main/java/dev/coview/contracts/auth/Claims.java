package dev.coview.contracts.auth;

/**
 * Claim names of the JWTs room-service issues and the other services verify. Standard claims ({@code sub},
 * {@code exp}, {@code jti}, {@code iss}) keep their RFC 7519 names; the rest are CoView's own.
 */
public final class Claims {
    /** Issuer every CoView token carries and every service requires. */
    public static final String ISSUER = "https://coview.dev/room-service";
    /** Participant id (RFC 7519 subject): base64url, stable across reconnects with the same token. */
    public static final String SUBJECT = "sub";
    /** The one room this token is valid for (base64url room id). */
    public static final String ROOM = "room";
    /** {@link Role#claimValue()}. */
    public static final String ROLE = "role";
    /** Array of {@link Grant#claimValue()}. */
    public static final String GRANTS = "grants";
    /** Display name shown to the other participants (optional). */
    public static final String NAME = "name";
    /** On agent tokens: the creator identity of the person or machine behind the agent
     *  ({@link AgentIdentity#creator()}, e.g. {@code oidc:<sub>}); absent on customer and observer tokens. */
    public static final String IDENTITY = "identity";
    /**
     * Optional W3C traceparent of the join (or room creation) that issued the token, when it was traced: a socket
     * opened with the token continues that trace (a browser cannot send a {@code traceparent} header on a
     * WebSocket upgrade). Not a secret; never checked beyond its shape.
     */
    public static final String TRACEPARENT = "traceparent";
    /** Unique token id; lets a service refuse one token without refusing the room. */
    public static final String TOKEN_ID = "jti";
    /** Audience (RFC 7519 {@code aud}) that room-service requires: its REST API. */
    public static final String AUDIENCE_ROOM = "coview-room";
    /** Audience that signaling-service requires on {@code /ws/signal}. */
    public static final String AUDIENCE_SIGNALING = "coview-signaling";
    /** Audience that annotation-service requires on {@code /ws/annotations}. */
    public static final String AUDIENCE_ANNOTATION = "coview-annotation";
    /**
     * Every participant token names the three services it is meant for; each service requires its own name in it
     * ({@code mp.jwt.verify.audiences}). A token CoView's key signs for any other purpose, without these names, opens
     * nothing, and a service added later is not reachable with today's tokens until they name it.
     */
    public static final java.util.Set<String> PARTICIPANT_AUDIENCES =
            java.util.Set.of(AUDIENCE_ROOM, AUDIENCE_SIGNALING, AUDIENCE_ANNOTATION);

    private Claims() {
    }
}
