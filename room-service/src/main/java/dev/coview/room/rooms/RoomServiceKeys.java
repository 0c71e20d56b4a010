package dev.coview.room.rooms;

/**
 * Redis keys private to room-service (no other service reads or writes them; what it shares is in contracts'
 * {@code RedisKeys}). Each constant names the value's shape and its lifetime.
 */
public final class RoomServiceKeys {

    /** Hash: the room's record (createdBy, agentId, state, createdAt, expiresAt, joinCode, invite, customerId,
     *  endedAt, relayOnly — "true"/"false" when the room was created with that setting; instants as epoch millis). Expires an hour after the room's idle expiry, pushed forward on
     *  activity. Key: {@code room:{roomId}}. */
    public static final String ROOM = "room:";
    /** String: room id for a 6-digit join code. Expires with the code (20 min by default); deleted when a customer
     *  has joined. Key: {@code code:{code}}. */
    public static final String JOIN_CODE = "code:";
    /** Hash participantId → JSON participant (role, name, joinedAt). Expires with the room.
     *  Key: {@code room:{roomId}:participants}. */
    public static final String PARTICIPANTS_SUFFIX = ":participants";
    /** String: room id for an opaque invite token (the {@code invite} of an invite URL). Same lifetime as the room's
     *  join code; deleted when a customer has joined. Key: {@code invite:{token}}. */
    public static final String INVITE = "invite:";
    /** Sorted set of room ids scored by their idle expiry (epoch millis); every activity pushes the score forward.
     *  room-service sweeps it and ends (and announces) the rooms whose score has passed. Key:
     *  {@code rooms-by-expiry}. */
    public static final String ROOMS_BY_EXPIRY = "rooms-by-expiry";
    /** String counter: join attempts (code or invite) from one client in the current window, counted before the
     *  credential is looked at (a successful join gives its attempt back); expires with the window (1 min by
     *  default). Key: {@code join-attempts:{client}}, the client being {@code 4:<IPv4>} or {@code 6:<first 64 bits
     *  of the IPv6 address>::/64}. */
    public static final String JOIN_ATTEMPTS = "join-attempts:";
    /** String counter: wrong API keys from one client address in the current window (a right key only reads it);
     *  expires with the window (10 min by default). Key: {@code api-key-attempts:{client address}}. */
    public static final String API_KEY_ATTEMPTS = "api-key-attempts:";
    /** String counter: join codes tried by every client together in the current window, counted before the code is
     *  checked and given back by a successful join; past the global budget joining by code pauses for everyone
     *  until the window ends (invites still work). Expires with the window.
     *  Key: {@code join-failures:window}. */
    public static final String JOIN_FAILURES_WINDOW = "join-failures:window";
    /** String counter: every wrong join code ever tried, never expires; a room's code is retired once this has
     *  grown by the per-room budget since the code was issued. Key: {@code join-failures:total}. */
    public static final String JOIN_FAILURES_TOTAL = "join-failures:total";
    /** String counter: bytes of snapshots and recordings stored for one room (room-service's quota); expires
     *  {@code coview.room.storage.retention} after the last upload, deleted with the room's media.
     *  Key: {@code media-bytes:room:{roomId}}. */
    public static final String MEDIA_BYTES_ROOM = "media-bytes:room:";
    /** String counter: bytes of snapshots and recordings stored for the rooms of one agent (the room's
     *  {@code createdBy}); expires {@code coview.room.storage.retention} after the agent's last upload.
     *  Key: {@code media-bytes:agent:{createdBy}}. */
    public static final String MEDIA_BYTES_AGENT = "media-bytes:agent:";
    /** Sorted set of the recordings in progress, {@code {roomId}/{recordingId}} scored by their last activity
     *  (creation or a stored chunk, epoch millis); removed when the recording completes or is finished as
     *  abandoned, and members idle for longer than {@code coview.room.storage.abandoned-after} are trimmed. Read by
     *  room-service's {@code coview_recordings_in_progress} gauge, the same figure on every instance.
     *  Key: {@code recordings-active}. */
    public static final String RECORDINGS_ACTIVE = "recordings-active";
    /** String: the value of {@link #JOIN_FAILURES_TOTAL} when the join code was issued; same TTL as the code,
     *  deleted with it. Key: {@code code-guard:{code}}. */
    public static final String CODE_GUARD = "code-guard:";

    /** String JSON {roomId, participantId}: a rejoin credential, keyed by the SHA-256 (base64url) of the secret the
     *  participant's browser keeps (Redis never holds a usable credential). Written by room-service when it issues a
     *  token; spent (GETDEL) and replaced by a new one at each rejoin. Lives as long as a token
     *  ({@code coview.room.token-ttl}); useless sooner once the room ends or the participant is removed (both are
     *  checked at the exchange). Key: {@code rejoin:{sha256(secret)}}. */
    public static final String REJOIN = "rejoin:";
    /** Sorted set of room ids an agent identity created, scored by creation time (epoch millis): the agent console's
     *  "your live sessions" after a reload. Keyed by what {@code AgentCheck} answers (today {@code api-key}, one per
     *  key; an OIDC subject later). Ended rooms are removed when they end, stale ones when listed; the set expires
     *  a token TTL after the last room was added. Key: {@code agent-rooms:{creator}}. */
    public static final String AGENT_ROOMS = "agent-rooms:";

    private RoomServiceKeys() {
    }

    /** {@code room:{roomId}}. */
    public static String room(String roomId) {
        return ROOM + roomId;
    }

    /** {@code room:{roomId}:participants}. */
    public static String participants(String roomId) {
        return ROOM + roomId + PARTICIPANTS_SUFFIX;
    }

    /** {@code code:{code}}. */
    public static String joinCode(String code) {
        return JOIN_CODE + code;
    }

    /** {@code invite:{token}}. */
    public static String invite(String token) {
        return INVITE + token;
    }

    public static String mediaBytesOfRoom(String roomId) {
        return MEDIA_BYTES_ROOM + roomId;
    }

    public static String mediaBytesOfAgent(String createdBy) {
        return MEDIA_BYTES_AGENT + createdBy;
    }

    public static String codeGuard(String code) {
        return CODE_GUARD + code;
    }

    public static String joinAttempts(String client) {
        return JOIN_ATTEMPTS + client;
    }

    /** {@code api-key-attempts:{client}}. */
    public static String apiKeyAttempts(String client) {
        return API_KEY_ATTEMPTS + client;
    }

    /** {@code rejoin:{sha256(secret)}}. */
    public static String rejoin(String secretHash) {
        return REJOIN + secretHash;
    }

    /** {@code agent-rooms:{creator}}. */
    public static String agentRooms(String creator) {
        return AGENT_ROOMS + creator;
    }
}
