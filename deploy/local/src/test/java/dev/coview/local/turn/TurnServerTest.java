package dev.coview.local.turn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.local.servers.LocalStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real coturn ({@code turnserver} of Debian's coturn package, which .ci/run installs) started by
 * {@link TurnServer}, asked for real allocations by {@link TurnProbe}: it relays for a TURN REST credential signed
 * with its secret (as room-service signs them) and refuses one that has expired or is forged.
 */
class TurnServerTest {

    private static Path base;
    private static TurnServer turn;

    @BeforeAll
    static void start() throws Exception {
        base = Files.createTempDirectory("coview-turn-test");
        turn = TurnServer.start(base.resolve("coturn"), Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (turn != null) {
            turn.close();
        }
        LocalStack.deleteTree(base);
    }

    /** username {@code <expiry>:<participant>}, password base64(HMAC-SHA1(secret, username)): coturn's REST scheme. */
    private static String[] credential(String secret, Instant expiresAt, String participant) throws Exception {
        String username = expiresAt.getEpochSecond() + ":" + participant;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return new String[] {username,
                Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)))};
    }

    @Test
    void relaysForAValidCredentialFromALoopbackPort() throws Exception {
        String[] c = credential(turn.secret(), Instant.now().plusSeconds(300), "p-valid");
        TurnProbe.Outcome outcome = turn.probe().allocate(c[0], c[1]);
        assertThat(outcome).isInstanceOf(TurnProbe.Allocated.class);
        assertThat(((TurnProbe.Allocated) outcome).relayed().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void refusesAnExpiredCredential() throws Exception {
        String[] c = credential(turn.secret(), Instant.now().minusSeconds(5), "p-expired");
        assertThat(turn.probe().allocate(c[0], c[1])).isEqualTo(new TurnProbe.Refused(401, "Unauthorized"));
    }

    /**
     * coturn checks a REST credential's expiry when it authenticates a new allocation only: an allocation made in time
     * is refreshed after its credential expired (coturn keeps the key of the session). So a short credential TTL ends
     * no call in progress; it bounds only how long a leaked credential opens new relays. (Measured here because the
     * TTL's default and docs/operations.md rest on it.)
     */
    @Test
    void anAllocationMadeInTimeIsStillRefreshedAfterItsCredentialExpired() throws Exception {
        Instant expiry = Instant.now().plusSeconds(2);
        String[] c = credential(turn.secret(), expiry, "p-in-call");
        assertThat(turn.probe().allocate(c[0], c[1], expiry.plusSeconds(2))).isInstanceOf(TurnProbe.Allocated.class);
        assertThat(turn.probe().allocate(c[0], c[1])).as("a new allocation with it, after its expiry")
                .isEqualTo(new TurnProbe.Refused(401, "Unauthorized"));
    }

    @Test
    void keepsAnAllocationAliveWhileItsCredentialIsValid() throws Exception {
        String[] c = credential(turn.secret(), Instant.now().plusSeconds(300), "p-live");
        assertThat(turn.probe().allocate(c[0], c[1], Instant.now().plusSeconds(1)))
                .isInstanceOf(TurnProbe.Allocated.class);
    }

    @Test
    void refusesACredentialSignedWithAnotherSecret() throws Exception {
        String[] c = credential("not-" + turn.secret(), Instant.now().plusSeconds(300), "p-forged");
        assertThat(turn.probe().allocate(c[0], c[1])).isInstanceOf(TurnProbe.Refused.class)
                .extracting(r -> ((TurnProbe.Refused) r).code()).isEqualTo(401);
    }

    @Test
    void urlsNameEveryListeningAddressOverUdpAndTcp() {
        assertThat(turn.urls()).containsExactly("turn:127.0.0.1:" + turn.port() + "?transport=udp",
                "turn:127.0.0.1:" + turn.port() + "?transport=tcp");
    }
}
