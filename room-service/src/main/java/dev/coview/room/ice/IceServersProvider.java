package dev.coview.room.ice;

import dev.coview.contracts.rooms.IceServer;
import dev.coview.contracts.rooms.IceServers;
import dev.coview.room.config.RoomConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ICE servers a participant's browser gets: the configured STUN URLs as they are, and the TURN URLs with a
 * fresh TURN REST credential for that participant, and the room's ICE transport policy (relay-only or not). Startup
 * fails when TURN URLs are set without the secret, or relay-only is the default without TURN, since every relayed
 * call would fail later and far less clearly.
 */
@Startup
@ApplicationScoped
public class IceServersProvider {

    private final RoomConfig.Ice config;

    @Inject
    public IceServersProvider(RoomConfig config) {
        this(config.ice());
    }

    IceServersProvider(RoomConfig.Ice ice) {
        this.config = ice;
        boolean turn = this.config.turnUrls().map(l -> !l.isEmpty()).orElse(false);
        if (turn && this.config.turnSecret().filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("coview.room.ice.turn-urls is set but coview.room.ice.turn-secret is not");
        }
        if (this.config.relayOnly() && !turn) {
            throw new IllegalStateException("coview.room.ice.relay-only needs TURN: set coview.room.ice.turn-urls");
        }
    }

    /** Whether TURN is configured (a relay-only room needs it). */
    public boolean relays() {
        return config.turnUrls().map(l -> !l.isEmpty()).orElse(false);
    }

    /**
     * The list for {@code participantId}, valid from {@code now}: the TURN credential expires after the configured
     * TTL or with the participant's token ({@code tokenExpiresAt}), whichever comes first.
     *
     * @param relayOnly the room's setting; {@code null}: the deployment's default
     */
    public IceServers forParticipant(String participantId, Instant now, Instant tokenExpiresAt, Boolean relayOnly) {
        List<IceServer> servers = new ArrayList<>();
        config.stunUrls().filter(l -> !l.isEmpty()).ifPresent(urls -> servers.add(IceServer.of(List.copyOf(urls))));
        Instant expiresAt = null;
        List<String> turn = config.turnUrls().orElse(List.of());
        if (!turn.isEmpty()) {
            Instant ttl = now.plus(config.turnCredentialTtl());
            expiresAt = Instant.ofEpochSecond(
                    (tokenExpiresAt != null && tokenExpiresAt.isBefore(ttl) ? tokenExpiresAt : ttl).getEpochSecond());
            TurnCredentials.Credential c = TurnCredentials.of(config.turnSecret().orElseThrow(), participantId,
                    expiresAt);
            servers.add(new IceServer(List.copyOf(turn), c.username(), c.password()));
        }
        boolean relay = relayOnly != null ? relayOnly : config.relayOnly();
        return new IceServers(servers, expiresAt, relay ? IceServers.RELAY : IceServers.ALL);
    }
}
