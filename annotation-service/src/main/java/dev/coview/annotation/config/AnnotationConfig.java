package dev.coview.annotation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Limits of annotation-service. The protocol's JSON Schemas state the same defaults. */
@ConfigMapping(prefix = "coview.annotation")
public interface AnnotationConfig {

    /** Points one {@code stroke} message may carry (each point is two numbers). Default 2000. */
    @WithDefault("2000")
    int maxPointsPerMessage();

    /** Points one stroke may have in all; further appends are refused. Default 20000. */
    @WithDefault("20000")
    int maxPointsPerStroke();

    /** Characters of a text shape. Default 500. */
    @WithDefault("500")
    int maxTextLength();

    /** Privacy mask rectangles in one {@code masks} message. Default 32. */
    @WithDefault("32")
    int maxMasks();

    /** Characters of a pushed reference URL. Default 2048. */
    @WithDefault("2048")
    int maxUrlLength();

    /**
     * Domains a pushed reference may point to (the domain itself and its subdomains); absent: any http(s) URL.
     * Example: {@code example.com,help.example.org}.
     */
    Optional<List<String>> referenceDomains();

    /** Actions each author can undo (older ones drop off). Default 100. */
    @WithDefault("100")
    int undoDepth();

    /**
     * Event ids remembered per room to drop a redelivered record (a producer retry lands right after the original,
     * so a window suffices). Default 10000.
     */
    @WithDefault("10000")
    int dedupeWindow();

    /** Elements (strokes and shapes) a room may hold; new ones beyond are refused (room-full). Default 5000. */
    @WithDefault("5000")
    int maxElementsPerRoom();

    /**
     * Points a room's strokes may hold in all, erased ones included (an undo brings them back); strokes and appends
     * beyond are refused (room-full). Default 200000 (ten strokes of the longest kind, 3.2 MB of coordinates).
     */
    @WithDefault("200000")
    long maxPointsPerRoom();

    /**
     * Estimated bytes a room's state may take on the heap (16 per point, 256 per element, 2 per text character and
     * per shape edit); growth beyond is refused (room-full). Default 6291456 (6 MiB).
     */
    @WithDefault("6291456")
    long maxStateBytesPerRoom();

    /**
     * Estimated bytes all live rooms' state may take on one instance (the same estimate); new drawing is refused
     * (service-full) while it is reached. Default 67108864 (64 MiB, of a 192 MiB heap).
     */
    @WithDefault("67108864")
    long maxStateBytesPerInstance();

    /**
     * Characters of JSON per frame of the state a joining socket receives ({@code state.elements} parts, then the
     * {@code state}); a single larger element is sent alone. Default 65536.
     */
    @WithDefault("65536")
    int stateFrameChars();

    /**
     * Messages per second all sockets of a room may send together (each participant also has the per-socket
     * budget of {@code coview.ws}, kept across their sockets); over it a message is refused with rate-limited.
     * Default 1000 (ten participants at the per-socket rate).
     */
    @WithDefault("1000")
    int roomMessagesPerSecond();

    /** Messages a room's sockets may send together in a burst above {@code room-messages-per-second}. Default 2000. */
    @WithDefault("2000")
    int roomMessageBurst();

    /**
     * How long a socket's write queue may stay full (its client does not keep up with the room) before the socket is
     * closed with 1013 (the client reconnects to a fresh state). Default 3s.
     */
    @WithDefault("3s")
    java.time.Duration slowSocketGrace();

    /** How often the instance checks for rooms that ended (the announcement may have been missed). Default 5s. */
    @WithDefault("5s")
    java.time.Duration endedRoomCheck();

    /**
     * Bytes one inbound socket message may have; a larger one closes the socket with 1009. Quarkus's
     * {@code max-message-size} is set from it. Default 65536 (64 KiB).
     */
    @WithDefault("65536")
    int maxMessageSize();
}
