package dev.coview.contracts.redis;

/**
 * Redis keys and channels shared between services: each is written by one and read by another (or, for
 * socket-support's and service-support's, used alike by every service that has sockets or tokens). Each constant
 * names the value's shape, its lifetime, and who writes and reads it. Keys private to one service live in that
 * service ({@code RoomServiceKeys}, {@code SignalingKeys}, {@code AnnotationKeys}). Redis pub/sub is at-most-once:
 * nothing that must survive lives only in a channel.
 */
public final class RedisKeys {
    /** String marker, room.ended's reason ("agent", "expired"; "1" when none is known): the room has ended; every
     *  service refuses its tokens while it exists. Lives as long as the longest token (so no token of the room can
     *  outlive it). Key: {@code room-ended:{roomId}}. */
    public static final String ROOM_ENDED = "room-ended:";
    /** Sorted set of ended room ids scored by when they ended (epoch millis), written with the
     *  {@link #ROOM_ENDED} marker. Unlike the marker it outlives the rooms' tokens: members older than the annotation
     *  log's retention (8 days) are trimmed at each write, so it tells annotation-service which rooms of
     *  {@code coview.annotations} not to materialize again after a restart. Key: {@code rooms-ended}. */
    public static final String ROOMS_ENDED = "rooms-ended";
    /** Pub/sub channel carrying room-level control messages (room ended) to every instance.
     *  Channel: {@code room-events}. */
    public static final String ROOM_EVENTS_CHANNEL = "room-events";
    /** String: the requestId of the recording the room's customer consented to and that has not started yet.
     *  Written by annotation-service when it accepts a granted {@code recording.consent} (before the log has it),
     *  deleted by it on a new {@code recording.request} or a refusal; room-service takes it ({@code GETDEL}) when
     *  the agent creates the recording: one consent, one recording. Expires after 10 min.
     *  Key: {@code recording-consent:{roomId}}. */
    public static final String RECORDING_CONSENT = "recording-consent:";
    /** String counter: socket upgrades of one participant (both sockets, every instance) in the current window;
     *  expires with the window ({@code coview.ws.upgrade-window}, 10 s). Over {@code coview.ws.upgrades-per-window}
     *  an upgrade is refused with 429. Key: {@code socket-upgrades:{participantId}}. */
    public static final String SOCKET_UPGRADES = "socket-upgrades:";
    /** Hash {system, type, id, metadata (JSON object)}: the external reference and metadata a room was created
     *  with, written by room-service for every service's session-event publisher (which puts them on each event);
     *  absent when the room has neither. Written once, never changed; lives as long as {@code room:{roomId}}.
     *  Key: {@code room-ref:{roomId}}. */
    public static final String ROOM_REF = "room-ref:";

    /** Sorted set "room-active": signaling-service instance id → when its claim lapses (epoch millis). An instance
     *  claims the room (now + its presence TTL, 15 s) when it writes a participant's presence and at every heartbeat
     *  (5 s) while it holds a participant of the room, connected or away within the resume grace; it withdraws its
     *  claim when it holds nobody of the room any more. The room is active while a claim has not lapsed: room-service
     *  reads it ({@code ZCOUNT key now +inf}) to keep a session that only talks over WebSockets from expiring as
     *  idle. A dead instance stops refreshing, so its claim lapses within the TTL. The key expires a TTL after the
     *  last claim. Written by signaling-service, read by room-service. Key: {@code room-active:{roomId}}. */
    public static final String ROOM_ACTIVE = "room-active:";

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
    private RedisKeys() {
    }

    /** {@code room-ref:{roomId}}. */
    public static String roomRef(String roomId) {
        return ROOM_REF + roomId;
    }

    /** {@code recording-consent:{roomId}}. */
    public static String recordingConsent(String roomId) {
        return RECORDING_CONSENT + roomId;
    }

    /** {@code socket-upgrades:{participantId}}. */
    public static String socketUpgrades(String participantId) {
        return SOCKET_UPGRADES + participantId;
    }

    /** {@code room-active:{roomId}}. */
    public static String roomActive(String roomId) {
        return ROOM_ACTIVE + roomId;
    }

    /** {@code room-ended:{roomId}}. */
    public static String roomEnded(String roomId) {
        return ROOM_ENDED + roomId;
    }

    /** {@code participant-removed:{roomId}:{participantId}}. */
    public static String participantRemoved(String roomId, String participantId) {
        return PARTICIPANT_REMOVED + roomId + ":" + participantId;
    }

}
