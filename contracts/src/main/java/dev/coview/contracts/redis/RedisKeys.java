package dev.coview.contracts.redis;

/**
 * Redis keys and channels shared by the services. Each constant names the value's shape and its lifetime.
 * Redis pub/sub is at-most-once: nothing that must survive lives only in a channel.
 */
public final class RedisKeys {
    /** Hash: the room's record (createdBy, agentId, state, createdAt, expiresAt, joinCode, invite, customerId,
     *  endedAt, relayOnly — "true"/"false" when the room was created with that setting; instants as epoch millis). Expires an hour after the room's idle expiry, pushed forward on
     *  activity. Key: {@code room:{roomId}}. */
    public static final String ROOM = "room:";
    /** String: room id for a 6-digit join code. Expires with the code (20 min by default); deleted when a customer
     *  has joined. Key: {@code code:{code}}. */
    public static final String JOIN_CODE = "code:";
    /** String marker "1": the room has ended; every service refuses its tokens while it exists. Lives as long as
     *  the longest token (so no token of the room can outlive it). Key: {@code room-ended:{roomId}}. */
    public static final String ROOM_ENDED = "room-ended:";
    /** Hash participantId → JSON participant (role, name, joinedAt). Expires with the room.
     *  Key: {@code room:{roomId}:participants}. */
    public static final String PARTICIPANTS_SUFFIX = ":participants";
    /** Pub/sub channel carrying room-level control messages (room ended) to every instance.
     *  Channel: {@code room-events}. */
    public static final String ROOM_EVENTS_CHANNEL = "room-events";
    /** String: room id for an opaque invite token (the {@code invite} of an invite URL). Same lifetime as the room's
     *  join code; deleted when a customer has joined. Key: {@code invite:{token}}. */
    public static final String INVITE = "invite:";
    /** Sorted set of room ids scored by their idle expiry (epoch millis); every activity pushes the score forward.
     *  room-service sweeps it and ends (and announces) the rooms whose score has passed. Key:
     *  {@code rooms-by-expiry}. */
    public static final String ROOMS_BY_EXPIRY = "rooms-by-expiry";
    /** String counter: wrong join codes from one client in the current window; expires with the window (1 min by
     *  default). Key: {@code join-attempts:{client address}}. */
    public static final String JOIN_ATTEMPTS = "join-attempts:";
    /** String counter: API-key attempts from one client address in the current window, counted before the key is
     *  compared (a right key gives its count back); expires with the window (15 min by default). Key:
     *  {@code api-key-attempts:{client address}}. */
    public static final String API_KEY_ATTEMPTS = "api-key-attempts:";
    /** Hash {system, type, id, metadata (JSON object)}: the external reference and metadata a room was created
     *  with, written by room-service for every service's session-event publisher (which puts them on each event);
     *  absent when the room has neither. Written once, never changed; lives as long as {@code room:{roomId}}.
     *  Key: {@code room-ref:{roomId}}. */
    public static final String ROOM_REF = "room-ref:";

    /** Pub/sub channel of one room's signaling between signaling-service instances: relayed messages and
     *  peer-joined / peer-left notices (internal to signaling-service: JSON, and relayed signals in a compact
     *  envelope, see signaling-service's RoomChannels). An instance is subscribed while it
     *  holds a socket of the room. Channel: {@code signal:{roomId}}. */
    public static final String SIGNAL_CHANNEL = "signal:";
    /** Hash participantId → JSON {instance, connection, role, name, sharing, away}: who is in a room's signaling,
     *  on which signaling-service instance. An entry whose instance key ({@link #SIGNAL_INSTANCE}) has expired is
     *  stale and removed by the surviving instances. The hash expires 15 s (presence TTL) after the last heartbeat
     *  of any instance with members. Key: {@code signal:{roomId}:presence}. */
    public static final String SIGNAL_PRESENCE_SUFFIX = ":presence";
    /** String "1": a signaling-service instance is alive. Refreshed every heartbeat (5 s), expires after the
     *  presence TTL (15 s) without one. Key: {@code signal-instance:{instanceId}}. */
    public static final String SIGNAL_INSTANCE = "signal-instance:";

    private RedisKeys() {
    }

    /** {@code room:{roomId}}. */
    public static String room(String roomId) {
        return ROOM + roomId;
    }

    /** {@code room:{roomId}:participants}. */
    public static String participants(String roomId) {
        return ROOM + roomId + PARTICIPANTS_SUFFIX;
    }

    /** {@code room-ref:{roomId}}. */
    public static String roomRef(String roomId) {
        return ROOM_REF + roomId;
    }

    /** {@code code:{code}}. */
    public static String joinCode(String code) {
        return JOIN_CODE + code;
    }

    /** {@code invite:{token}}. */
    public static String invite(String token) {
        return INVITE + token;
    }

    /** {@code join-attempts:{client}}. */
    public static String joinAttempts(String client) {
        return JOIN_ATTEMPTS + client;
    }

    /** {@code api-key-attempts:{client}}. */
    public static String apiKeyAttempts(String client) {
        return API_KEY_ATTEMPTS + client;
    }

    /** {@code signal:{roomId}} (a channel). */
    public static String signalChannel(String roomId) {
        return SIGNAL_CHANNEL + roomId;
    }

    /** {@code signal:{roomId}:presence}. */
    public static String signalPresence(String roomId) {
        return SIGNAL_CHANNEL + roomId + SIGNAL_PRESENCE_SUFFIX;
    }

    /** {@code signal-instance:{instanceId}}. */
    public static String signalInstance(String instanceId) {
        return SIGNAL_INSTANCE + instanceId;
    }

    /** {@code room-ended:{roomId}}. */
    public static String roomEnded(String roomId) {
        return ROOM_ENDED + roomId;
    }
}
