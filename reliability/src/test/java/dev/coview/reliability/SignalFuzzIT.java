package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.ws.ErrorCodes;
import dev.coview.reliability.testing.FuzzRun;
import dev.coview.reliability.testing.FuzzVerdict;
import dev.coview.reliability.testing.HealthyRoom;
import dev.coview.reliability.testing.Http;
import dev.coview.reliability.testing.Peer;
import dev.coview.reliability.testing.SocketFuzzer;
import dev.coview.reliability.testing.Stack;
import dev.coview.reliability.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A seeded random fuzzer on {@code /ws/signal}: {@code reliability.fuzz.cases} inputs (default 10,000), mutated
 * valid messages, random JSON and random bytes, from twelve sockets of one room on both instances (agent, customer
 * and observer tokens). Every reply must match the server schema, be an {@code error} with a documented code (or a
 * relayed message or presence news), carry no stack trace or secret; every close must be a documented code
 * (1000 after a fuzzed {@code bye}, 1007, 1008, 1009, 4xxx), never 1011; a text that is not a JSON object must
 * close with 1007. A healthy room relays throughout; both instances are ready at the end. The seed is printed and
 * settable with {@code -Dreliability.fuzz.seed=…}.
 */
@Order(3)
class SignalFuzzIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Set<String> ERROR_CODES = Set.of(ErrorCodes.UNKNOWN_TYPE, ErrorCodes.INVALID_MESSAGE,
            ErrorCodes.FORBIDDEN, ErrorCodes.UNKNOWN_PEER, ErrorCodes.RATE_LIMITED, ErrorCodes.UNAVAILABLE);
    private static final Set<String> REPLY_TYPES = Set.of("welcome", "peer-joined", "peer-away", "peer-left",
            "peer-share", "error", "offer", "answer", "candidate", "restart");

    @Test
    void randomInputNeverBreaksTheSocketContract() {
        Stack stack = Stack.get();
        FuzzVerdict verdict = new FuzzVerdict("server-signal.json", REPLY_TYPES, ERROR_CODES, "welcome");
        // A fuzzed bye may be valid: its 1000 can overtake the 1007 of what follows it.
        SocketFuzzer fuzzer = new SocketFuzzer(FuzzRun.fromProperties("signaling fuzz"), verdict, Peer::connect,
                Set.of(1000, 1007, 1008, 1009), text -> text.contains("bye"));
        List<String> participants = SocketFuzzer.participants();
        fuzzer.run(List.of(stack.signalingA().port(), stack.signalingB().port()), participants,
                templates(participants), HealthyRoom::new);
        assertThat(Http.ready(stack.signalingA(), WAIT)).isEqualTo(200);
        assertThat(Http.ready(stack.signalingB(), WAIT)).isEqualTo(200);
    }

    /** Every client message type, to two sockets of the room and to a stranger (the bases of the mutations). */
    private static List<Map<String, Object>> templates(List<String> participants) {
        List<Map<String, Object>> templates = new ArrayList<>();
        for (String to : List.of(participants.get(0), participants.get(1), Tokens.randomId())) {
            templates.add(Map.of("type", "offer", "to", to, "sdp", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"));
            templates.add(Map.of("type", "answer", "to", to, "sdp", "v=0 answer"));
            templates.add(Map.of("type", "candidate", "to", to, "candidate",
                    "candidate:1 1 udp 2122260223 10.0.0.1 50000 typ host", "sdpMid", "0", "sdpMLineIndex", 0));
            // Two-way sharing: a candidate that says which end of its connection it comes from.
            templates.add(Map.of("type", "candidate", "to", to, "candidate",
                    "candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host", "fromSharer", true));
            templates.add(Map.of("type", "restart", "to", to));
        }
        templates.add(Map.of("type", "share", "active", true));
        templates.add(Map.of("type", "bye"));
        return templates;
    }
}
