package dev.coview.signaling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** signaling-service's own settings; the socket limits shared with annotation-service are {@code coview.ws.*}. */
@ConfigMapping(prefix = "coview.signaling")
public interface SignalingConfig {

    /** Which {@link dev.coview.signaling.routing.SignalRouter} routes messages: {@code redis} (rooms span instances,
     *  the default) or {@code local} (one instance only, presence in memory). */
    @WithDefault("redis")
    RouterKind router();

    /** How often an instance tells Redis it is alive and refreshes the presence of its rooms. Default 5 s. */
    @WithDefault("5s")
    Duration heartbeat();

    /** How long an instance's presence survives without a heartbeat: after it, the instance counts as dead and the
     *  survivors tell their members {@code peer-left}. Must exceed {@link #heartbeat()}. Default 15 s. */
    @WithDefault("15s")
    Duration presenceTtl();

    /** How often an instance checks the rooms it serves for members of dead instances (and ended rooms). Bounds how
     *  late after {@link #presenceTtl()} a {@code peer-left} comes. Default 1 s. */
    @WithDefault("1s")
    Duration presenceCheck();

    /** How long a participant whose socket dropped (without {@code bye}) stays in the room: reconnecting within it
     *  resumes the session (peers get {@code peer-joined resumed: true}); after it, peers get {@code peer-left}.
     *  Default 20 s. */
    @WithDefault("20s")
    Duration resumeGrace();

    /** A socket that drops and comes back (to this instance) within this time publishes neither
     *  {@code participant.disconnected} nor {@code participant.connected}: a reconnect loop does not flood the session
     *  events. {@code participant.disconnected} is published this much later. Default 5 s. */
    @WithDefault("5s")
    Duration reconnectMerge();

    /** A socket from which nothing arrived (message or pong to the server's auto-ping) for this long is closed
     *  with 1001 so that the client reconnects. Must exceed the auto-ping interval. Default 60 s. */
    @WithDefault("60s")
    Duration idleTimeout();

    /** Bytes one inbound socket message may have (an SDP is a few KiB); a larger one closes the socket with 1009.
     *  Quarkus's {@code max-message-size} and {@code max-frame-size} are set from it. Default 65536 (64 KiB). */
    @WithDefault("65536")
    int maxMessageSize();

    /** The routers. */
    enum RouterKind {
        /** Presence and relay through Redis: any number of instances. */
        REDIS,
        /** In-process only: a single instance. */
        LOCAL
    }
}
