package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.ws.ErrorCodes;
import dev.coview.reliability.testing.Annotations;
import dev.coview.reliability.testing.FuzzRun;
import dev.coview.reliability.testing.FuzzVerdict;
import dev.coview.reliability.testing.HealthyAnnotationRoom;
import dev.coview.reliability.testing.Http;
import dev.coview.reliability.testing.Peer;
import dev.coview.reliability.testing.SocketFuzzer;
import dev.coview.reliability.testing.Stack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A seeded random fuzzer on {@code /ws/annotations}: {@code reliability.fuzz.cases} inputs (default 10,000), mutated
 * valid messages of every client type, random JSON and random bytes (deploy-independent {@link FuzzCases}), from
 * twelve sockets of one room on both annotation instances (agent, customer and observer tokens). Every reply must
 * match the annotation server schemas, be a {@code state}, an {@code event} or an {@code error} with a documented
 * code, carry no stack trace or secret; every close must be a documented code (1007, 1008, 1009, 4xxx), never 1011;
 * a text that is not a JSON object must close with 1007. A healthy annotation room draws throughout; both instances
 * are ready at the end. The seed is printed and settable with {@code -Dreliability.fuzz.seed=…}.
 */
@Order(10)
class AnnotationFuzzIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Set<String> ERROR_CODES = Set.of(ErrorCodes.UNKNOWN_TYPE, ErrorCodes.INVALID_MESSAGE,
            ErrorCodes.FORBIDDEN, ErrorCodes.UNKNOWN_PEER, ErrorCodes.RATE_LIMITED, ErrorCodes.UNAVAILABLE);
    private static final Set<String> REPLY_TYPES = Set.of("state", "event", "error");

    @Test
    void randomInputNeverBreaksTheSocketContract() {
        Stack stack = Stack.get();
        FuzzVerdict verdict = new FuzzVerdict("the annotation server schemas", REPLY_TYPES, ERROR_CODES, "state");
        SocketFuzzer fuzzer = new SocketFuzzer(FuzzRun.fromProperties("annotation fuzz"), verdict,
                (port, token) -> Peer.connect(port, Annotations.PATH, token, Annotations.inbox()),
                Set.of(1007, 1008, 1009), text -> false);
        fuzzer.run(List.of(stack.annotationA().port(), stack.annotationB().port()), SocketFuzzer.participants(),
                templates(), HealthyAnnotationRoom::new);
        assertThat(Http.ready(stack.annotationA(), WAIT)).isEqualTo(200);
        assertThat(Http.ready(stack.annotationB(), WAIT)).isEqualTo(200);
    }

    /** One valid message of every client type of schemas/annotation (the bases of the mutations). */
    private static List<Map<String, Object>> templates() {
        List<Map<String, Object>> t = new ArrayList<>();
        t.add(Map.of("type", "pointer", "x", 0.5, "y", 0.25));
        t.add(Map.of("type", "pointer.hide"));
        t.add(Map.of("type", "stroke", "id", "s1", "tool", "pen", "color", "#ff0000", "width", 0.005,
                "points", List.of(0.1, 0.1, 0.2, 0.2)));
        t.add(Map.of("type", "stroke", "id", "s2", "phase", "begin", "tool", "highlighter", "color", "#00ff00",
                "width", 0.02, "points", List.of(0.3, 0.3)));
        t.add(Map.of("type", "stroke", "id", "s2", "phase", "append", "points", List.of(0.4, 0.4, 0.5, 0.5)));
        t.add(Map.of("type", "stroke", "id", "s2", "phase", "end", "points", List.of(0.6, 0.6)));
        t.add(Map.of("type", "shape", "id", "h1", "kind", "rect", "x1", 0.1, "y1", 0.1, "x2", 0.2, "y2", 0.2,
                "color", "#0000ff", "width", 0.01));
        t.add(Map.of("type", "shape", "id", "h2", "kind", "text", "x1", 0.3, "y1", 0.3, "x2", 0.6, "y2", 0.4,
                "color", "#00ff00", "width", 0.01, "text", "look here"));
        t.add(Map.of("type", "erase", "id", "s1"));
        t.add(Map.of("type", "undo"));
        t.add(Map.of("type", "redo"));
        t.add(Map.of("type", "clear", "scope", "own"));
        t.add(Map.of("type", "crop", "x", 0.1, "y", 0.1, "w", 0.5, "h", 0.5, "sourceW", 1920, "sourceH", 1080));
        t.add(Map.of("type", "crop.request", "x", 0.1, "y", 0.1, "w", 0.5, "h", 0.5));
        t.add(Map.of("type", "masks", "rects", List.of(Map.of("x", 0.1, "y", 0.1, "w", 0.2, "h", 0.2))));
        t.add(Map.of("type", "pause", "on", true));
        t.add(Map.of("type", "freeze", "on", true));
        t.add(Map.of("type", "snapshot.saved", "snapshotId", "snap1"));
        t.add(Map.of("type", "reference.push", "url", "https://example.com/help"));
        t.add(Map.of("type", "reference.answer", "accepted", true));
        // Two-way sharing: the same messages on the agent's share (shareId), which only the agent's crop may set.
        t.add(Map.of("type", "pointer", "x", 0.5, "y", 0.25, "shareId", "agent"));
        t.add(Map.of("type", "stroke", "id", "s3", "tool", "pen", "color", "#ff0000", "width", 0.005,
                "points", List.of(0.1, 0.1, 0.2, 0.2), "shareId", "agent"));
        t.add(Map.of("type", "crop", "x", 0.1, "y", 0.1, "w", 0.5, "h", 0.5, "sourceW", 1920, "sourceH", 1080,
                "shareId", "agent"));
        t.add(Map.of("type", "pause", "on", true, "shareId", "customer"));
        return t;
    }
}
