package dev.coview.reliability.testing;

import static dev.coview.reliability.testing.FuzzVerdict.abbreviate;
import static dev.coview.reliability.testing.FuzzVerdict.isJsonObject;
import static dev.coview.reliability.testing.FuzzVerdict.startsAnObject;

import dev.coview.contracts.auth.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A seeded fuzzer on one WebSocket ({@code /ws/signal}, {@code /ws/annotations}): the run's cases (mutated valid
 * messages of the socket, random JSON, random bytes: {@link FuzzCases}) from {@link #WORKERS} sockets of one room,
 * agent, customer and observer tokens in turn, spread over the given instances, while a healthy room probes
 * throughout. The rules are the same on every socket: a text that is not a JSON object closes with 1007, broken
 * JSON that starts like an object is closed or refused, every close is a documented code, every reply passes the
 * {@link FuzzVerdict}. The socket's own parts are given: how to open one, its verdict, its documented close codes and
 * which texts may close it normally.
 */
public final class SocketFuzzer {

    /** Sockets fuzzing in parallel. */
    public static final int WORKERS = 12;
    /** Below the per-socket limit (100/s sustained), so the fuzzer tests the decoder, not the flood guard. */
    private static final int PER_SOCKET_RATE = 60;
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** Opens a socket on {@code port} with {@code token} (the fuzzer then waits for its greeting). */
    @FunctionalInterface
    public interface Opener {
        Peer open(int port, String token);
    }

    private final FuzzRun run;
    private final FuzzVerdict verdict;
    private final Opener opener;
    private final Set<Integer> closeCodes;
    private final Predicate<String> mayCloseNormally;
    private final List<String> unanswered = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param closeCodes       the socket's documented close codes below 4000 (4xxx are all documented)
     * @param mayCloseNormally whether a case may be a valid goodbye: its 1000 can then overtake the 1007 of a
     *                         case that follows it
     */
    public SocketFuzzer(FuzzRun run, FuzzVerdict verdict, Opener opener, Set<Integer> closeCodes,
                        Predicate<String> mayCloseNormally) {
        this.run = run;
        this.verdict = verdict;
        this.opener = opener;
        this.closeCodes = closeCodes;
        this.mayCloseNormally = mayCloseNormally;
    }

    /** {@link #WORKERS} participant ids of the fuzzed room (signaling templates address some of them). */
    public static List<String> participants() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            ids.add(Tokens.randomId());
        }
        return ids;
    }

    /**
     * Fuzzes: socket {@code w} joins as {@code participants[w]} on {@code ports[w % ports.size()]}; {@code healthy}
     * probes every half second meanwhile and once at the end. Fails, naming the seed, on any problem.
     */
    public void run(List<Integer> ports, List<String> participants, List<Map<String, Object>> templates,
                    Supplier<HealthyProbe> healthy) {
        String room = Tokens.randomId();
        Role[] roles = Role.values();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            tokens.add(Tokens.valid(room, participants.get(i), roles[i % roles.length]));
        }
        try (HealthyProbe probe = healthy.get()) {
            run.inParallel(WORKERS, templates,
                    (w, generator, cases) -> fuzz(ports.get(w % ports.size()), tokens.get(w), generator, cases),
                    probe::probe);
            probe.probe();
            System.out.printf("%s: the healthy room passed %d probes each way meanwhile%n", run.name(),
                    probe.probes());
        }
        unanswered.forEach(t -> System.out.println(run.name() + ": broken JSON without an answer: " + t));
        run.conclude(verdict.tally(), verdict.problems());
    }

    private void fuzz(int port, String token, FuzzCases generator, int cases) {
        long interval = Duration.ofSeconds(1).toNanos() / PER_SOCKET_RATE;
        Peer peer = open(port, token);
        boolean goodbyeSent = false;
        long next = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            FuzzCases.Case c = generator.next();
            if (peer.inbox().isClosed()) {
                peer = reopen(peer, port, token);
                goodbyeSent = false;
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
                goodbyeSent = false;
                errorsBefore = peer.inbox().errors();
                peer.trySend(c.text());
            }
            goodbyeSent |= mayCloseNormally.test(c.text());
            if (!startsAnObject(c.text())) {
                int code = peer.inbox().closeCodeWithin(WAIT);
                if (code != 1007 && !(code == 1000 && goodbyeSent)) {
                    verdict.problem("not a JSON object, expected close 1007, got " + code + ": "
                            + abbreviate(c.text()));
                }
            } else if (!isJsonObject(c.text())) {
                awaitAnswerToBrokenJson(peer, errorsBefore, c.text());
            }
        }
        drain(peer, port, token);
    }

    /**
     * Broken JSON that starts like an object: closed (1007) or refused with an error. Waits for either, so that the
     * next cases do not go to a socket that is already closing and count as tried.
     */
    private void awaitAnswerToBrokenJson(Peer peer, int errorsBefore, String text) {
        try {
            Awaitility.await("close or error after broken JSON").atMost(Duration.ofSeconds(3))
                    .pollInterval(Duration.ofMillis(2))
                    .until(() -> peer.inbox().isClosed() || peer.inbox().errors() > errorsBefore);
            verdict.count(peer.inbox().isClosed() ? "broken JSON: closed" : "broken JSON: error");
        } catch (ConditionTimeoutException e) {
            verdict.count("broken JSON: no answer");
            if (unanswered.size() < 5) {
                unanswered.add(abbreviate(text));
            }
        }
    }

    /**
     * A last message with a known answer, so that every reply to the cases has arrived, then the verdict on them.
     * (A close just before, a flood close or a fuzzed goodbye, may close the socket under it: then again on a new
     * one.)
     */
    private void drain(Peer peer, int port, String token) {
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
        Peer p = opener.open(port, token);
        p.inbox().next(verdict.greeting(), WAIT);
        return p;
    }

    private Peer reopen(Peer old, int port, String token) {
        int code = old.inbox().closeCodeWithin(WAIT);
        verdict.settle(old);
        verdict.closed(code, closeCodes);
        old.close();
        return open(port, token);
    }
}
