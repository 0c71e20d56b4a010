package dev.coview.signaling.routing;

/**
 * Redis keys and channels private to signaling-service (no other service reads them; what it shares is in
 * contracts' {@code RedisKeys}). Each constant names the value's shape and its lifetime.
 */
public final class SignalingKeys {

    /** Pub/sub channel of one room's signaling between signaling-service instances ({@link BusMessage}): JSON, and
     *  relayed signals in a compact envelope ({@link RedisRoomBus}). An instance is subscribed while it holds a
     *  socket of the room. Channel: {@code signal:{roomId}}. */
    public static final String CHANNEL = "signal:";
    /** Hash participantId → JSON {@link PresenceEntry} {instance, connection, role, name, sharing, sharePhase, away}:
     *  who is in a room's signaling, on which instance. An entry whose instance key ({@link #INSTANCE}) has expired
     *  is stale and removed by the surviving instances. The hash expires the presence TTL (15 s) after the last
     *  heartbeat of any instance with members. Key: {@code signal:{roomId}:presence}. */
    public static final String PRESENCE_SUFFIX = ":presence";
    /** String "1": a signaling-service instance is alive. Refreshed every heartbeat (5 s), expires after the
     *  presence TTL (15 s) without one. Key: {@code signal-instance:{instanceId}}. */
    public static final String INSTANCE = "signal-instance:";

    private SignalingKeys() {
    }

    /** {@code signal:{roomId}} (a channel). */
    public static String channel(String roomId) {
        return CHANNEL + roomId;
    }

    /** {@code signal:{roomId}:presence}. */
    public static String presence(String roomId) {
        return CHANNEL + roomId + PRESENCE_SUFFIX;
    }

    /** {@code signal-instance:{instanceId}}. */
    public static String instance(String instanceId) {
        return INSTANCE + instanceId;
    }
}
