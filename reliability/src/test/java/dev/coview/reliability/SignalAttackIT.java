package dev.coview.reliability;

import dev.coview.contracts.auth.Claims;
import dev.coview.contracts.auth.Role;
import dev.coview.reliability.testing.HealthyRoom;
import dev.coview.reliability.testing.HealthyDuring;
import dev.coview.reliability.testing.Outcomes;
import dev.coview.reliability.testing.Peer;
import dev.coview.reliability.testing.Signals;
import dev.coview.reliability.testing.SocketAttacks;
import dev.coview.reliability.testing.Stack;
import dev.coview.reliability.testing.Tokens;
import dev.coview.reliability.testing.UpgradeAttacks;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad input and token attacks on {@code /ws/signal} of the packaged signaling-service: each gets the documented
 * upgrade status, {@code error} code or close code (signaling-service/README.md, contracts' CloseCodes and
 * ErrorCodes); a healthy room on both instances keeps relaying between the attacks; both instances are ready
 * afterwards.
 */
@Order(2)
class SignalAttackIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final HealthyDuring healthy = new HealthyDuring("signaling attacks", HealthyRoom::new,
            stack -> List.of(stack.signalingA(), stack.signalingB()));

    @Test
    void tokenAttacksAreRefusedAtTheUpgrade() {
        UpgradeAttacks.check(Stack.get().signalingA().port(), Peer.SIGNAL, "room-service", Claims.AUDIENCE_ROOM,
                healthy::probe);
    }

    @Test
    void malformedMessagesGetTheDocumentedErrorOrClose() throws Exception {
        Stack stack = Stack.get();
        String room = Tokens.randomId();
        String token = Tokens.valid(room, Tokens.randomId(), Role.CUSTOMER);
        Map<String, String> observed = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        // Refused with an error, the socket stays open.
        List<String[]> errors = List.of(
                new String[] {"unknown type", "{\"type\":\"hello\"}", "error unknown-type"},
                new String[] {"no type", "{\"to\":\"x\"}", "error unknown-type"},
                new String[] {"type not a string", "{\"type\":42}", "error unknown-type"},
                new String[] {"missing field", "{\"type\":\"offer\",\"to\":\"x\"}", "error invalid-message"},
                new String[] {"wrong type (object for string)", "{\"type\":\"offer\",\"to\":{},\"sdp\":\"v\"}",
                        "error invalid-message"},
                new String[] {"wrong type (string for boolean)", "{\"type\":\"share\",\"active\":\"yes\"}",
                        "error invalid-message"},
                new String[] {"float for an int", "{\"type\":\"candidate\",\"to\":\"x\",\"candidate\":\"\","
                        + "\"sdpMLineIndex\":1.5}", "error invalid-message"},
                new String[] {"huge number", "{\"type\":\"candidate\",\"to\":\"x\",\"candidate\":\"\","
                        + "\"sdpMLineIndex\":123456789012345678901234567890}", "error invalid-message"},
                new String[] {"1e400", "{\"type\":\"candidate\",\"to\":\"x\",\"candidate\":\"\","
                        + "\"sdpMLineIndex\":1e400}", "error invalid-message"},
                new String[] {"negative index", "{\"type\":\"candidate\",\"to\":\"x\",\"candidate\":\"\","
                        + "\"sdpMLineIndex\":-1}", "error invalid-message"},
                new String[] {"id over 64 characters", Signals.restart("x".repeat(65)), "error invalid-message"},
                new String[] {"path traversal in to", Signals.restart("../../../etc/passwd"), "error unknown-peer"},
                new String[] {"unknown peer", Signals.restart(Tokens.randomId()), "error unknown-peer"},
                new String[] {"trailing garbage", "{\"type\":\"bye\"} {}", "error invalid-message"},
                new String[] {"from is ignored (spoofing)", "{\"type\":\"restart\",\"to\":\"nobody\","
                        + "\"from\":\"someone-else\"}", "error unknown-peer"});
        Peer p = Peer.connect(stack.signalingA().port(), token).greeted("welcome", WAIT);
        SocketAttacks.refused(p, errors, observed, expected);
        p.close();
        healthy.probe();

        // Closed with a code, one socket each.
        List<String[]> closes = List.of(
                new String[] {"not JSON", "{\"type\":", "close 1007"},
                new String[] {"NaN", "{\"type\":\"candidate\",\"to\":\"x\",\"candidate\":\"\",\"sdpMLineIndex\":NaN}",
                        "close 1007"},
                new String[] {"a JSON array", "[\"offer\",{\"to\":\"x\"}]", "close 1007"},
                new String[] {"a JSON string", "\"bye\"", "close 1007"},
                new String[] {"null", "null", "close 1007"},
                new String[] {"1 MiB text frame", Signals.offer("x", "v".repeat(1 << 20)), "close 1009"},
                new String[] {"just over 64 KiB", "{\"type\":\"hello\",\"pad\":\""
                        + "p".repeat(65536) + "\"}", "close 1009"});
        SocketAttacks.closing(() -> Peer.connect(stack.signalingB().port(), token).greeted("welcome", WAIT),
                closes, observed, expected, healthy::probe);
        SocketAttacks.rawFrames(stack.signalingA().port(), Peer.SIGNAL, token, "hello", "{\"type\":\"bye\"}",
                observed, expected);
        healthy.probe();

        Outcomes.printAndCompare("Bad messages on /ws/signal", observed, expected);
    }

    @Test
    void aFloodIsRateLimitedThenClosedWith1008() {
        Stack stack = Stack.get();
        Peer p = Peer.connect(stack.signalingB().port(),
                Tokens.valid(Tokens.randomId(), Tokens.randomId(), Role.CUSTOMER)).greeted("welcome", WAIT);
        SocketAttacks.flood("signaling", p, Signals.restart("nobody"), 5_000);
        healthy.probe();
    }
}
