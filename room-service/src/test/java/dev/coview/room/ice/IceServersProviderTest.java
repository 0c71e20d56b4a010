package dev.coview.room.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coview.contracts.rooms.IceServers;
import dev.coview.room.config.RoomConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The TURN credential's lifetime and the transport policy, from the settings alone (no server). */
class IceServersProviderTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    private static RoomConfig.Ice ice(boolean turn, boolean relayOnly) {
        return new RoomConfig.Ice() {
            @Override
            public Optional<List<String>> stunUrls() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> turnUrls() {
                return turn ? Optional.of(List.of("turn:127.0.0.1:3478")) : Optional.empty();
            }

            @Override
            public Optional<String> turnSecret() {
                return Optional.of("s");
            }

            @Override
            public Duration turnCredentialTtl() {
                return Duration.ofMinutes(20);
            }

            @Override
            public boolean relayOnly() {
                return relayOnly;
            }
        };
    }

    @Test
    void theCredentialNeverOutlivesTheParticipantsToken() {
        Instant tokenEnds = NOW.plusSeconds(300);
        IceServers servers = new IceServersProvider(ice(true, false)).forParticipant("p", NOW, tokenEnds, null);
        assertThat(servers.expiresAt()).isEqualTo(tokenEnds);
        assertThat(servers.iceServers().get(0).username()).isEqualTo(tokenEnds.getEpochSecond() + ":p");
    }

    @Test
    void aLongerTokenStillGetsOnlyTheTtl() {
        IceServers servers = new IceServersProvider(ice(true, false))
                .forParticipant("p", NOW, NOW.plus(Duration.ofHours(8)), null);
        assertThat(servers.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
    }

    @Test
    void theRoomsSettingWinsOverTheDeploymentDefault() {
        IceServersProvider relayByDefault = new IceServersProvider(ice(true, true));
        assertThat(relayByDefault.forParticipant("p", NOW, null, null).iceTransportPolicy()).isEqualTo("relay");
        assertThat(relayByDefault.forParticipant("p", NOW, null, false).iceTransportPolicy()).isEqualTo("all");
        IceServersProvider directByDefault = new IceServersProvider(ice(true, false));
        assertThat(directByDefault.forParticipant("p", NOW, null, null).iceTransportPolicy()).isEqualTo("all");
        assertThat(directByDefault.forParticipant("p", NOW, null, true).iceTransportPolicy()).isEqualTo("relay");
    }

    @Test
    void relayOnlyByDefaultWithoutTurnDoesNotStart() {
        assertThatThrownBy(() -> new IceServersProvider(ice(false, true)))
                .hasMessageContaining("relay-only needs TURN");
    }
}
