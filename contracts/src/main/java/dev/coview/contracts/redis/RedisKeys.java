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
    /** String marker, room.ended's reason ("agent", "expired"; "1" when none is known): the room has ended; every
     *  service refuses its tokens while it exists. Lives as long as the longest token (so no token of the room can
     *  outlive it). Key: {@code room-ended:{roomId}}. */
    public static final String ROOM_ENDED = "room-ended:";
    /** Pub/sub channel of annotation-service: a participant's newest socket, as {@code roomId participantId socketId
     *  joinedAtMillis}; every instance closes that participant's sockets that joined earlier (one socket per
     *  participant; 4002). Internal to annotation-service. Channel: {@code annotation-sockets}. */
    public static final String ANNOTATION_SOCKETS_CHANNEL = "annotation-sockets";
    /** Sorted set of ended room ids scored by when they ended (epoch millis), written with the
     *  {@link #ROOM_ENDED} marker. Unlike the marker it outlives the rooms' tokens: members older than the annotation
     *  log's retention (8 days) are trimmed at each write, so it tells annotation-service which rooms of
     *  {@code coview.annotations} not to materialize again after a restart. Key: {@code rooms-ended}. */
    public static final String ROOMS_ENDED = "rooms-ended";
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
    /** String counter: join attempts (code or invite) from one client in the current window, counted before the
     *  credential is looked at (a successful join gives its attempt back); expires with the window (1 min by
     *  default). Key: {@code join-attempts:{client}}, the client being {@code 4:<IPv4>} or {@code 6:<first 64 bits
     *  of the IPv6 address>::/64}. */
    public static final String JOIN_ATTEMPTS = "join-attempts:";
    /** String counter: API-key attempts from one client address in the current window, counted before the key is
     *  compared (a right key gives its count back); expires with the window (15 min by default). Key:
     *  {@code api-key-attempts:{client address}}. */
    public static final String API_KEY_ATTEMPTS = "api-key-attempts:";
    /** String counter: join codes tried by every client together in the current window, counted before the code is
     *  checked and given back by a successful join; past the global budget joining by code pauses for everyone
     *  until the window ends (invites still work). Expires with the window.
     *  Key: {@code join-failures:window}. */
    public static final String JOIN_FAILURES_WINDOW = "join-failures:window";
    /** String counter: every wrong join code ever tried, never expires; a room's code is retired once this has
     *  grown by the per-room budget since the code was issued. Key: {@code join-failures:total}. */
    public static final String JOIN_FAILURES_TOTAL = "join-failures:total";
    /** String: the requestId of the recording the room's customer consented to and that has not started yet.
     *  Written by annotation-service when it accepts a granted {@code recording.consent} (before the log has it),
     *  deleted by it on a new {@code recording.request} or a refusal; room-service takes it ({@code GETDEL}) when
     *  the agent creates the recording: one consent, one recording. Expires after 10 min.
     *  Key: {@code recording-consent:{roomId}}. */
    public static final String RECORDING_CONSENT = "recording-consent:";
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

    /** String counter: socket upgrades of one participant (both sockets, every instance) in the current window;
     *  expires with the window ({@code coview.ws.upgrade-window}, 10 s). Over {@code coview.ws.upgrades-per-window}
     *  an upgrade is refused with 429. Key: {@code socket-upgrades:{participantId}}. */
    public static final String SOCKET_UPGRADES = "socket-upgrades:";
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
    /** Hash participantId → JSON {instance, connection, role, name, sharing, sharePhase, away}: who is in a room's
     *  signaling, on which signaling-service instance. An entry whose instance key ({@link #SIGNAL_INSTANCE}) has expired is
     *  stale and removed by the surviving instances. The hash expires 15 s (presence TTL) after the last heartbeat
     *  of any instance with members. Key: {@code signal:{roomId}:presence}. */
    public static final String SIGNAL_PRESENCE_SUFFIX = ":presence";
    /** String "1": a signaling-service instance is alive. Refreshed every heartbeat (5 s), expires after the
     *  presence TTL (15 s) without one. Key: {@code signal-instance:{instanceId}}. */
    public static final String SIGNAL_INSTANCE = "signal-instance:";

    /** String JSON {roomId, participantId}: a rejoin credential, keyed by the SHA-256 (base64url) of the secret the
     *  participant's browser keeps (Redis never holds a usable credential). Written by room-service when it issues a
     *  token; spent (GETDEL) and replaced by a new one at each rejoin. Lives as long as a token
     *  ({@code coview.room.token-ttl}); useless sooner once the room ends or the participant is removed (both are
     *  checked at the exchange). Key: {@code rejoin:{sha256(secret)}}. */
    public static final String REJOIN = "rejoin:";
    /** String marker "1": the participant was removed from the room by its agent; every token of theirs (whatever
     *  its {@code jti}: a rejoin issues new ones) and their rejoin credential are refused while it exists, at every
     *  socket upgrade and REST call. Lives as long as a token ({@code coview.room.token-ttl}). Written by
     *  room-service's removal endpoint. Key: {@code participant-removed:{roomId}:{participantId}}. */
    public static final String PARTICIPANT_REMOVED = "participant-removed:";
    /** Pub/sub channel: a participant was just removed, as {@code roomId participantId}; every signaling and
     *  annotation instance closes that participant's sockets with 4003. At-most-once: the marker above is the truth
     *  (a missed announcement leaves a socket open until its next upgrade is refused). Channel:
     *  {@code participants-removed}. */
    public static final String PARTICIPANTS_REMOVED_CHANNEL = "participants-removed";
    /** Sorted set of room ids an agent identity created, scored by creation time (epoch millis): the agent console's
     *  "your live sessions" after a reload. Keyed by what {@code AgentCheck} answers (today {@code api-key}, one per
     *  key; an OIDC subject later). Ended rooms are removed when they end, stale ones when listed; the set expires
     *  a token TTL after the last room was added. Key: {@code agent-rooms:{creator}}. */
    public static final String AGENT_ROOMS = "agent-rooms:";

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

    /** {@code recording-consent:{roomId}}. */
    public static String recordingConsent(String roomId) {
        return RECORDING_CONSENT + roomId;
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

    /** {@code socket-upgrades:{participantId}}. */
    public static String socketUpgrades(String participantId) {
        return SOCKET_UPGRADES + participantId;
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

    /** {@code rejoin:{sha256(secret)}}. */
    public static String rejoin(String secretHash) {
        return REJOIN + secretHash;
    }

    /** {@code participant-removed:{roomId}:{participantId}}. */
    public static String participantRemoved(String roomId, String participantId) {
        return PARTICIPANT_REMOVED + roomId + ":" + participantId;
    }

    /** {@code agent-rooms:{creator}}. */
    public static String agentRooms(String creator) {
        return AGENT_ROOMS + creator;
    }
}
