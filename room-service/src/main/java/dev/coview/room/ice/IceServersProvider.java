package dev.coview.room.ice;

import dev.coview.contracts.rooms.IceServer;
import dev.coview.contracts.rooms.IceServers;
import dev.coview.room.config.RoomConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ICE servers a participant's browser gets: the configured STUN URLs as they are, and the TURN URLs with a
 * fresh TURN REST credential for that participant. Startup fails when TURN URLs are set without the secret, since
 * every relayed call would fail later and far less clearly.
 */
@Startup
@ApplicationScoped
public class IceServersProvider {

    private final RoomConfig.Ice config;

    public IceServersProvider(RoomConfig config) {
        this.config = config.ice();
        boolean turn = this.config.turnUrls().map(l -> !l.isEmpty()).orElse(false);
        if (turn && this.config.turnSecret().filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("coview.room.ice.turn-urls is set but coview.room.ice.turn-secret is not");
        }
    }

    /** The list for {@code participantId}, valid from {@code now}. */
    public IceServers forParticipant(String participantId, Instant now) {
        List<IceServer> servers = new ArrayList<>();
        config.stunUrls().filter(l -> !l.isEmpty()).ifPresent(urls -> servers.add(IceServer.of(List.copyOf(urls))));
        Instant expiresAt = null;
        List<String> turn = config.turnUrls().orElse(List.of());
        if (!turn.isEmpty()) {
            expiresAt = Instant.ofEpochSecond(now.plus(config.turnCredentialTtl()).getEpochSecond());
            TurnCredentials.Credential c = TurnCredentials.of(config.turnSecret().orElseThrow(), participantId,
                    expiresAt);
            servers.add(new IceServer(List.copyOf(turn), c.username(), c.password()));
        }
        return new IceServers(servers, expiresAt);
    }
}
