package dev.coview.reliability;

import static dev.coview.reliability.testing.FuzzVerdict.abbreviate;
import static dev.coview.reliability.testing.FuzzVerdict.isJsonObject;
import static dev.coview.reliability.testing.FuzzVerdict.startsAnObject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Role;
import dev.coview.contracts.ws.ErrorCodes;
import dev.coview.reliability.testing.FuzzCases;
import dev.coview.reliability.testing.FuzzVerdict;
import dev.coview.reliability.testing.Annotations;
import dev.coview.reliability.testing.HealthyAnnotationRoom;
import dev.coview.reliability.testing.Http;
import dev.coview.reliability.testing.Peer;
import dev.coview.reliability.testing.Stack;
import dev.coview.reliability.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
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

    private static final int WORKERS = 12;
    /** Below the per-socket limit (100/s sustained), so the fuzzer tests the decoder, not the flood guard. */
    private static final int PER_SOCKET_RATE = 60;
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Set<String> ERROR_CODES = Set.of(ErrorCodes.UNKNOWN_TYPE, ErrorCodes.INVALID_MESSAGE,
            ErrorCodes.FORBIDDEN, ErrorCodes.UNKNOWN_PEER, ErrorCodes.RATE_LIMITED, ErrorCodes.UNAVAILABLE);
    private static final Set<String> REPLY_TYPES = Set.of("state", "event", "error");

    private final List<String> unanswered = java.util.Collections.synchronizedList(new ArrayList<>());
    private final FuzzVerdict verdict = new FuzzVerdict("the annotation server schemas", REPLY_TYPES, ERROR_CODES, "state");
    private final Map<String, AtomicLong> tally = verdict.tally();
    private final List<String> problems = verdict.problems();

    @Test
    void randomInputNeverBreaksTheSocketContract() throws Exception {
        long seed = System.nanoTime();
        String seedProperty = System.getProperty("reliability.fuzz.seed", "");
        if (!seedProperty.isBlank()) {
            seed = Long.parseLong(seedProperty.trim());
        }
        int cases = Integer.getInteger("reliability.fuzz.cases", 10_000);
        System.out.printf("annotation fuzz: seed %d, %d cases (rerun: -Dreliability.fuzz.seed=%d)%n", seed, cases, seed);

        Stack stack = Stack.get();
        String room = Tokens.randomId();
        List<String> ids = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        Role[] roles = Role.values();
        for (int i = 0; i < WORKERS; i++) {
            String id = Tokens.randomId();
            ids.add(id);
            tokens.add(Tokens.valid(room, id, roles[i % roles.length]));
        }
        List<Map<String, Object>> templates = templates();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> workers = new ArrayList<>();
        final long runSeed = seed;
        try (HealthyAnnotationRoom healthy = new HealthyAnnotationRoom()) {
            for (int w = 0; w < WORKERS; w++) {
                int port = w % 2 == 0 ? stack.annotationA().port() : stack.annotationB().port();
                String token = tokens.get(w);
                FuzzCases generator = new FuzzCases(runSeed + w, templates);
                int share = cases / WORKERS + (w < cases % WORKERS ? 1 : 0);
                workers.add(pool.submit(() -> fuzz(port, token, generator, share)));
            }
            // The healthy room relays while the fuzzers run.
            while (workers.stream().anyMatch(f -> !f.isDone())) {
                healthy.probe();
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
            for (Future<?> f : workers) {
                f.get();
            }
            healthy.probe();
            System.out.printf("annotation fuzz: the healthy room drew %d probes each way meanwhile%n",
                    healthy.probes());
        } catch (AssertionError | Exception e) {
            throw new AssertionError("annotation fuzz failed with seed " + runSeed + " (rerun: -Dreliability.fuzz.seed="
                    + runSeed + "): " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("annotation fuzz: %d cases in %d ms; outcomes %s%n", cases, took, new TreeMap<>(tally));
        unanswered.forEach(t -> System.out.println("annotation fuzz: broken JSON without an answer: " + t));
        assertThat(problems).as("seed %d (rerun: -Dreliability.fuzz.seed=%d)", runSeed, runSeed).isEmpty();
        assertThat(tally.get("cases").get()).isEqualTo(cases);
        assertThat(Http.ready(stack.annotationA(), WAIT)).isEqualTo(200);
        assertThat(Http.ready(stack.annotationB(), WAIT)).isEqualTo(200);
    }

    private void fuzz(int port, String token, FuzzCases generator, int cases) {
        long interval = Duration.ofSeconds(1).toNanos() / PER_SOCKET_RATE;
        Peer peer = open(port, token);
        long next = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            FuzzCases.Case c = generator.next();
            if (peer.inbox().isClosed()) {
                peer = reopen(peer, port, token);
                // No catch-up burst after a slow reconnect: the pace is per socket.
                next = Math.max(next, System.nanoTime());
            }
            LockSupport.parkNanos(next - System.nanoTime());
            next += interval;
            verdict.count("cases");
            verdict.count("kind " + c.kind());
            int errorsBefore = peer.inbox().errors();
            if (!peer.trySend(c.text())) {
                // Closed between the check and the send (a previous case): count that close, send this one again.
                verdict.count("send refused (socket closing)");
                peer = reopen(peer, port, token);
                errorsBefore = peer.inbox().errors();
                peer.trySend(c.text());
            }
            if (!startsAnObject(c.text())) {
                int code = peer.inbox().closeCodeWithin(WAIT);
                if (code != 1007) {
                    problems.add("not a JSON object, expected close 1007, got " + code + ": " + abbreviate(c.text()));
                }
            } else if (!isJsonObject(c.text())) {
                // Broken JSON that starts like an object: closed (1007) or refused with an error. Wait for either,
                // so that the next cases do not go to a socket that is already closing and count as tried.
                Peer current = peer;
                int before = errorsBefore;
                try {
                    Awaitility.await("close or error after broken JSON").atMost(Duration.ofSeconds(3))
                            .pollInterval(Duration.ofMillis(2))
                            .until(() -> current.inbox().isClosed() || current.inbox().errors() > before);
                    verdict.count(current.inbox().isClosed() ? "broken JSON: closed" : "broken JSON: error");
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    verdict.count("broken JSON: no answer");
                    if (unanswered.size() < 5) {
                        unanswered.add(abbreviate(c.text()));
                    }
                }
            }
        }
        // Drain: a last message with a known answer, so every reply to the cases has arrived.
        // (A flood close just before may close the socket under it: then again on a new one.)
        while (true) {
            if (peer.inbox().isClosed()) {
                peer = reopen(peer, port, token);
            }
            Peer last = peer;
            last.trySend("{\"type\":\"fuzz-end\"}");
            Awaitility.await("the answer to fuzz-end").atMost(WAIT).pollInterval(Duration.ofMillis(20))
                    .until(() -> last.inbox().isClosed()
                            || last.inbox().raw().stream().anyMatch(t -> t.contains("fuzz-end")));
            if (!last.inbox().isClosed()) {
                break;
            }
        }
        verdict.settle(peer);
        peer.close();
    }

    private Peer open(int port, String token) {
        Peer p = Peer.connect(port, Annotations.PATH, token, Annotations.inbox());
        p.inbox().next("state", WAIT);
        return p;
    }

    private Peer reopen(Peer old, int port, String token) {
        int code = old.inbox().closeCodeWithin(WAIT);
        verdict.settle(old);
        verdict.closed(code, Set.of(1007, 1008, 1009));
        old.close();
        return open(port, token);
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
