package dev.coview.contracts.redis;

/**
 * Redis keys and channels shared by the services. Each constant names the value's shape and its lifetime.
 * Redis pub/sub is at-most-once: nothing that must survive lives only in a channel.
 */
public final class RedisKeys {
    /** Hash: the room's record (agent, state, createdAt, expiresAt, joinCode). Expires with the room's TTL,
     *  refreshed on activity. Key: {@code room:{roomId}}. */
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

    /** {@code code:{code}}. */
    public static String joinCode(String code) {
        return JOIN_CODE + code;
    }

    /** {@code room-ended:{roomId}}. */
    public static String roomEnded(String roomId) {
        return ROOM_ENDED + roomId;
    }
}
