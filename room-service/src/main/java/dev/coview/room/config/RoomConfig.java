package dev.coview.room.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything room-service can be told, under {@code coview.room.*}. */
@ConfigMapping(prefix = "coview.room")
public interface RoomConfig {

    /**
     * The key an agent's client sends in {@code X-CoView-Agent-Key} to create rooms (the default room-creation
     * check). No default: when unset, a random key is generated at startup and logged once (local runs only).
     */
    Optional<String> agentApiKey();

    /**
     * Origins of the pages that may embed CoView's pages in an iframe (the widget), e.g.
     * {@code https://crm.example.com,https://*.lightning.force.com}: they become the pages' CSP
     * {@code frame-ancestors} (env {@code COVIEW_ROOM_EMBED_ORIGINS}). None by default: only room-service's own
     * origin may frame them.
     */
    Optional<List<String>> embedOrigins();

    /** How long a room lives without activity (any call to room-service about it); default 2 h. */
    @WithDefault("2h")
    Duration idleTtl();

    /**
     * The longest a room lives from its creation, in use or not: then it expires even with participants connected
     * (their tokens live no longer than {@link #tokenTtl()} anyway); default 8 h.
     */
    @WithDefault("8h")
    Duration maxLifetime();

    /** How often this instance looks for rooms past their idle expiry; default 30 s. */
    @WithDefault("30s")
    Duration expirySweepInterval();

    /** Lifetime of the 6-digit join code and of the invite link; default 20 min. */
    @WithDefault("20m")
    Duration joinCodeTtl();

    /**
     * Join attempts (code or invite) one client (an IPv4 address, an IPv6 /64) may make per
     * {@link #joinAttemptWindow()}, counted before the credential is checked; a successful join gives its attempt
     * back; default 5.
     */
    @WithDefault("5")
    int joinAttempts();

    /** The window of the join budgets; the 429's {@code Retry-After} is what is left of it; default 1 min. */
    @WithDefault("1m")
    Duration joinAttemptWindow();

    /**
     * Wrong join codes from all clients together per {@link #joinAttemptWindow()} before joining by code pauses for
     * everyone until the window ends (invites keep working); default 300.
     */
    @WithDefault("300")
    int joinFailuresGlobal();

    /**
     * Wrong join codes (CoView-wide) a room's code may live through before it is retired (the invite keeps
     * working): bounds the chance of guessing one room's 6-digit code to this / 1,000,000; default 10,000 (1 %).
     */
    @WithDefault("10000")
    int joinCodeGuessBudget();

    /** Lifetime of every token room-service issues (and so of a room's ended marker); default 8 h. */
    @WithDefault("8h")
    Duration tokenTtl();

    /**
     * Who may share a screen in a room: {@code both} (default: the customer and the agent, at the same time if they
     * like), {@code one-at-a-time} (both may share, but the pages refuse a share while the other side's runs) or
     * {@code customer-only} (the agent's tokens carry no {@code share} grant; env {@code COVIEW_ROOM_SHARE_POLICY}).
     */
    @WithDefault("both")
    SharePolicy sharePolicy();

    /** Values of {@link #sharePolicy()}. */
    enum SharePolicy {
        /** The customer and the agent may both share, at once. */
        BOTH,
        /** The customer and the agent may both share, one at a time: a share is refused while the other runs. */
        ONE_AT_A_TIME,
        /** Only the customer shares (the product before two-way sharing). */
        CUSTOMER_ONLY;

        /** The value as configured and as {@code GET /api/config} states it ({@code one-at-a-time}). */
        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** STUN and TURN servers handed to browsers by {@code GET /api/ice-servers}. */
    Ice ice();

    /** {@code coview.room.ice.*}. */
    interface Ice {
        /** STUN URLs ({@code stun:host:port}); none by default (peers on one network need none). */
        Optional<List<String>> stunUrls();

        /** TURN URLs ({@code turn:host:3478?transport=udp}, {@code turns:…}); none by default. */
        Optional<List<String>> turnUrls();

        /** The coturn {@code static-auth-secret} shared with the TURN server; required when TURN URLs are set. */
        Optional<String> turnSecret();

        /**
         * How long a TURN credential is valid at most; default 20 min. Never longer than the participant's token;
         * the client fetches a fresh one for every peer connection (joins, rejoins, reconnects), so a short value
         * only bounds how long a credential is worth anything after the room ends. coturn checks it when an
         * allocation is made or refreshed.
         */
        @WithDefault("20m")
        Duration turnCredentialTtl();

        /**
         * Relay-only by default: every room's browsers use TURN relay candidates only
         * ({@code iceTransportPolicy: relay}), so neither side's IP address reaches the other's browser; a room
         * created with {@code relayOnly} overrides it. Needs TURN URLs. Default false.
         */
        @WithDefault("false")
        boolean relayOnly();
    }

    /** Where snapshots and recordings are kept, how big they may be and how long they live. */
    Storage storage();

    /** Media for servers and browser tabs: machine credentials and signed download links. */
    Media media();

    /** {@code coview.room.media.*}. */
    interface Media {
        /**
         * Machine credentials (env {@code COVIEW_ROOM_MEDIA_READ_KEYS}, comma-separated, 32+ characters each) a
         * server sends in {@code X-CoView-Media-Key}: they read the snapshots and recordings of every room, ended
         * ones included, and nothing else. None by default.
         */
        Optional<List<String>> readKeys();

        /**
         * The secret signed download links are made with, base64 of 32+ random bytes (env
         * {@code COVIEW_MEDIA_LINK_SECRET}); webhook-service needs the same one. When unset, a random one is made
         * at startup: links then work only on this instance until it restarts (local runs).
         */
        Optional<String> linkSecret();

        /** How long a signed download link works; default 5 min. */
        @WithDefault("5m")
        Duration linkTtl();
    }

    /** {@code coview.room.storage.*}. */
    interface Storage {
        /**
         * Base directory of the media (a PersistentVolume in Kubernetes, env {@code COVIEW_ROOM_STORAGE_DIRECTORY});
         * default {@code .coview/media} under the working directory.
         */
        @WithDefault(".coview/media")
        String directory();

        /** How long a room's media is kept, counted from its newest file; default 30 days. */
        @WithDefault("30d")
        Duration retention();

        /** How often this instance deletes media past {@link #retention()}; default 1 h. */
        @WithDefault("1h")
        Duration retentionSweepInterval();

        /** Largest PNG part ({@code original}, {@code flattened}) of a snapshot; default 16 MiB. */
        @WithDefault("16M")
        MemorySize snapshotImageMaxSize();

        /** Largest {@code annotations} JSON part of a snapshot; default 2 MiB. */
        @WithDefault("2M")
        MemorySize snapshotAnnotationsMaxSize();

        /** Largest recording chunk ({@code PUT …/chunks/{n}}); default 8 MiB (a 2 s chunk is well under 1 MiB). */
        @WithDefault("8M")
        MemorySize chunkMaxSize();

        /** Bytes of snapshots and recordings one room may store; default 4 GiB (about 3 h of recording). */
        @WithDefault("4G")
        MemorySize roomQuota();

        /**
         * Bytes of snapshots and recordings the rooms of one agent (the room's creator) may store within
         * {@link #retention()}; default 100 GiB.
         */
        @WithDefault("100G")
        MemorySize agentQuota();

        /**
         * A recording that received no chunk for this long is abandoned (the agent's tab closed before it
         * completed): the sweep completes it with the chunks it has from 0 on, or removes it when it has none;
         * default 1 h.
         */
        @WithDefault("1h")
        Duration abandonedAfter();

        /** Most chunks one recording may have (chunk numbers 0..max-1); default 10 800 (6 h of 2 s chunks). */
        @WithDefault("10800")
        int maxChunks();
    }
}
