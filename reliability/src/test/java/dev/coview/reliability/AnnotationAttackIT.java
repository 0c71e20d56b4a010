package dev.coview.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Claims;
import dev.coview.contracts.auth.Role;
import dev.coview.reliability.testing.Annotations;
import dev.coview.reliability.testing.HealthyAnnotationRoom;
import dev.coview.reliability.testing.HealthyDuring;
import dev.coview.reliability.testing.Outcomes;
import dev.coview.reliability.testing.Peer;
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
 * Bad input and token attacks on {@code /ws/annotations} of the packaged annotation-service: each gets the
 * documented upgrade status, {@code error} code or close code (contracts' CloseCodes and ErrorCodes, the schemas of
 * schemas/annotation); a healthy annotation room across both instances keeps drawing between the attacks; both
 * instances are ready afterwards.
 */
@Order(9)
class AnnotationAttackIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PATH = Annotations.PATH;

    @RegisterExtension
    static final HealthyDuring healthy = new HealthyDuring("annotation attacks", HealthyAnnotationRoom::new,
            stack -> List.of(stack.annotationA(), stack.annotationB()));

    @Test
    void tokenAttacksAreRefusedAtTheUpgrade() {
        UpgradeAttacks.check(Stack.get().annotationA().port(), PATH, "signaling-service", Claims.AUDIENCE_SIGNALING,
                healthy::probe);
    }

    @Test
    void malformedMessagesGetTheDocumentedErrorOrClose() throws Exception {
        Stack stack = Stack.get();
        String room = Tokens.randomId();
        String customerToken = Tokens.valid(room, Tokens.randomId(), Role.CUSTOMER);
        Map<String, String> observed = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        String tooManyPoints = "{\"type\":\"stroke\",\"id\":\"big\",\"tool\":\"pen\",\"color\":\"#ff0000\","
                + "\"width\":0.01,\"points\":[" + "0.5,".repeat(4001) + "0.5]}";
        // Refused with an error, the socket stays open.
        List<String[]> errors = List.of(
                new String[] {"unknown type", "{\"type\":\"teleport\"}", "error unknown-type"},
                new String[] {"no type", "{\"x\":0.5,\"y\":0.5}", "error unknown-type"},
                new String[] {"type not a string", "{\"type\":42}", "error unknown-type"},
                new String[] {"missing field", "{\"type\":\"erase\"}", "error invalid-message"},
                new String[] {"wrong type (object for string)", "{\"type\":\"erase\",\"id\":{}}",
                        "error invalid-message"},
                new String[] {"wrong type (string for boolean)", "{\"type\":\"pause\",\"on\":\"yes\"}",
                        "error invalid-message"},
                new String[] {"wrong type (string for number)", "{\"type\":\"pointer\",\"x\":\"left\",\"y\":0.5}",
                        "error invalid-message"},
                new String[] {"huge number", "{\"type\":\"pointer\",\"x\":123456789012345678901234567890,\"y\":0.5}",
                        "error invalid-message"},
                new String[] {"1e400", "{\"type\":\"pointer\",\"x\":1e400,\"y\":0.5}", "error invalid-message"},
                new String[] {"negative coordinate", "{\"type\":\"pointer\",\"x\":-0.1,\"y\":0.5}",
                        "error invalid-message"},
                new String[] {"width out of range", "{\"type\":\"stroke\",\"id\":\"w\",\"tool\":\"pen\","
                        + "\"color\":\"#ff0000\",\"width\":5,\"points\":[0.1,0.1]}", "error invalid-message"},
                new String[] {"color not #rrggbb", "{\"type\":\"stroke\",\"id\":\"c\",\"tool\":\"pen\","
                        + "\"color\":\"red;background:url(x)\",\"width\":0.01,\"points\":[0.1,0.1]}",
                        "error invalid-message"},
                new String[] {"path traversal in id", "{\"type\":\"erase\",\"id\":\"../../etc/passwd\"}",
                        "error invalid-message"},
                new String[] {"id over 64 characters", "{\"type\":\"erase\",\"id\":\"" + "x".repeat(65) + "\"}",
                        "error invalid-message"},
                new String[] {"2,001 points in one message", tooManyPoints, "error invalid-message"},
                new String[] {"reference.push by a customer (no push grant)",
                        "{\"type\":\"reference.push\",\"url\":\"javascript:alert(1)\"}", "error forbidden"},
                new String[] {"clear everybody's (customer)", "{\"type\":\"clear\",\"scope\":\"all\"}",
                        "error forbidden"},
                new String[] {"trailing data", "{\"type\":\"undo\"} {}", "error invalid-message"});
        Peer p = Annotations.connect(stack.annotationA(), customerToken).greeted("state", WAIT);
        SocketAttacks.refused(p, errors, observed, expected);
        // An undo with nothing to undo and another's authorId: applied as the sender's own (an event).
        p.send("{\"type\":\"undo\",\"authorId\":\"someone-else\"}");
        JsonNode undone = p.inbox().next("event", WAIT);
        observed.put("spoofed authorId is ignored",
                undone.get("authorId").asText().equals("someone-else") ? "spoofed" : "no reply");
        expected.put("spoofed authorId is ignored", "no reply");
        p.close();
        healthy.probe();

        // Closed with a code, one socket each.
        List<String[]> closes = List.of(
                new String[] {"not JSON", "{\"type\":", "close 1007"},
                new String[] {"NaN", "{\"type\":\"pointer\",\"x\":NaN,\"y\":0.5}", "close 1007"},
                new String[] {"a JSON array", "[\"stroke\",{\"id\":\"x\"}]", "close 1007"},
                new String[] {"a JSON string", "\"undo\"", "close 1007"},
                new String[] {"null", "null", "close 1007"},
                new String[] {"1 MiB text frame", Annotations.stroke("x").replace("\"pen\"",
                        "\"" + "p".repeat(1 << 20) + "\""), "close 1009"},
                new String[] {"just over 64 KiB", "{\"type\":\"teleport\",\"pad\":\"" + "p".repeat(65536) + "\"}",
                        "close 1009"});
        SocketAttacks.closing(() -> Annotations.connect(stack.annotationB(), customerToken).greeted("state", WAIT),
                closes, observed, expected, healthy::probe);
        SocketAttacks.rawFrames(stack.annotationA().port(), PATH, customerToken, "teleport", "{\"type\":\"undo\"}",
                observed, expected);
        healthy.probe();

        Outcomes.printAndCompare("Bad messages on /ws/annotations", observed, expected);
    }

    @Test
    void aFloodIsRateLimitedThenClosedWith1008() {
        Stack stack = Stack.get();
        Peer p = Annotations.connect(stack.annotationB(),
                Tokens.valid(Tokens.randomId(), Tokens.randomId(), Role.CUSTOMER)).greeted("state", WAIT);
        SocketAttacks.flood("annotation", p, Annotations.pointer(0.5, 0.5), 10_000);
        healthy.probe();
    }
}
