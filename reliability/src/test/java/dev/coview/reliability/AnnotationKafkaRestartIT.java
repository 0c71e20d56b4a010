package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import dev.coview.local.servers.ServiceInstance;
import dev.coview.reliability.testing.Annotations;
import dev.coview.reliability.testing.Http;
import dev.coview.reliability.testing.Peer;
import dev.coview.reliability.testing.Stack;
import dev.coview.reliability.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker restarted (SIGTERM, start again on the same data, as in a rolling restart) while 5,000 durable
 * annotation events flow: strokes and shapes from two senders in each of ten rooms, the agent on annotation
 * instance A and the customer on B, each of them also a receiver. Every event must reach every receiver exactly
 * once (distinct eventIds), in the room's order ({@code seq} 1, 2, … without a gap, each sender's events in the
 * order sent, both receivers the same sequence); a late joiner on A, on B and on a third instance started after the
 * restart (which rebuilds the rooms from the log) must get a state identical to what the live receivers built.
 *
 * <p>What a sender sees during the outage is recorded: the service buffers and retries (idempotent producer,
 * {@code delivery.timeout.ms} 2 min) rather than refuse; an {@code unavailable} error would mean that message was
 * not stored (the documented "retry"), so the test counts them and requires everything else to arrive.
 */
@Order(12)
class AnnotationKafkaRestartIT {

    private static final int ROOMS = 10;
    private static final int PER_SENDER = 250;
    /** Per sender: 20 rooms' senders at 20/s are 400 events/s, so the 5,000 take about 12.5 s. */
    private static final int RATE = 20;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration DRAIN = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventReachesEveryReceiverOnceInOrderAcrossABrokerRestart() throws Exception {
        Stack stack = Stack.get();
        List<String> rooms = new ArrayList<>();
        List<Peer> agents = new ArrayList<>();
        List<Peer> customers = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            String room = Tokens.randomId();
            rooms.add(room);
            agents.add(Annotations.connect(stack.annotationA(), Tokens.valid(room, Tokens.randomId(), Role.AGENT)));
            customers.add(Annotations.connect(stack.annotationB(), Tokens.withGrants(room, Tokens.randomId(),
                    Role.CUSTOMER, Set.of(Grant.ANNOTATE, Grant.SHARE))));
        }
        for (int r = 0; r < ROOMS; r++) {
            assertThat(agents.get(r).inbox().next("state", WAIT).get("seq").asLong()).isZero();
            assertThat(customers.get(r).inbox().next("state", WAIT).get("seq").asLong()).isZero();
        }

        List<Peer> senders = new ArrayList<>();
        List<String> senderNames = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            senders.add(agents.get(r));
            senderNames.add("r" + r + "-a");
            senders.add(customers.get(r));
            senderNames.add("r" + r + "-c");
        }
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(senders.size());
        List<Future<?>> sending = new ArrayList<>();
        long started = System.nanoTime();
        for (int s = 0; s < senders.size(); s++) {
            Peer peer = senders.get(s);
            String name = senderNames.get(s);
            sending.add(pool.submit(() -> {
                long interval = Duration.ofSeconds(1).toNanos() / RATE;
                long next = System.nanoTime();
                for (int n = 0; n < PER_SENDER; n++) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    next += interval;
                    String id = name + "-" + n;
                    peer.send(n % 2 == 0 ? Annotations.stroke(id) : Annotations.shape(id));
                    sent.incrementAndGet();
                }
            }));
        }
        long restartMillis;
        long restartStartedAt;
        long sentBeforeRestart;
        try {
            // Let a tenth of the events flow, then take the broker away in the middle of the stream.
            Awaitility.await("the first 500 events sent").atMost(WAIT).pollInterval(Duration.ofMillis(20))
                    .until(() -> sent.get() >= 500);
            sentBeforeRestart = sent.get();
            restartStartedAt = System.nanoTime();
            stack.local().kafka().restart(Duration.ofSeconds(90));
            restartMillis = millisSince(restartStartedAt);
            for (Future<?> f : sending) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long allSentAt = System.nanoTime();
        long sentDuringRestart = Math.max(0, sent.get() - sentBeforeRestart);
        int total = ROOMS * 2 * PER_SENDER;
        assertThat(sent.get()).isEqualTo(total);

        // Every receiver gets its room's 500 events (or the test fails after DRAIN).
        List<Peer> receivers = new ArrayList<>(agents);
        receivers.addAll(customers);
        Awaitility.await("every receiver has its room's events").atMost(DRAIN).pollInterval(Duration.ofMillis(100))
                .until(() -> receivers.stream().allMatch(p -> events(p).size() >= 2 * PER_SENDER
                        || errors(p, "unavailable") > 0));
        long drainMillis = millisSince(allSentAt);
        long totalMillis = millisSince(started);

        int unavailable = 0;
        int delivered = 0;
        Map<String, String> problems = new LinkedHashMap<>();
        List<List<String>> roomElementOrder = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            unavailable += errors(agents.get(r), "unavailable") + errors(customers.get(r), "unavailable");
            List<JsonNode> a = events(agents.get(r));
            List<JsonNode> c = events(customers.get(r));
            delivered += a.size() + c.size();
            check("room " + r + " agent (A)", a, r, problems);
            check("room " + r + " customer (B)", c, r, problems);
            if (!ids(a, "eventId").equals(ids(c, "eventId"))) {
                problems.put("room " + r, "the two receivers saw different sequences");
            }
            roomElementOrder.add(ids(a, "id"));
        }

        // Late joiners: on A, on B, and on an instance that rebuilt every room from the log after the restart.
        long rebuildStart = System.nanoTime();
        ServiceInstance fresh = stack.startAnnotation("annotation-c");
        long rebuildMillis = millisSince(rebuildStart);
        int identical = 0;
        for (int r = 0; r < ROOMS; r++) {
            String room = rooms.get(r);
            List<JsonNode> states = new ArrayList<>();
            for (ServiceInstance instance : List.of(stack.annotationA(), stack.annotationB(), fresh)) {
                try (Peer late = Annotations.connect(instance, Tokens.valid(room, Tokens.randomId(), Role.OBSERVER))) {
                    states.add(late.inbox().nextState(WAIT));
                }
            }
            JsonNode state = states.get(0);
            List<String> stateIds = new ArrayList<>();
            state.get("elements").forEach(e -> stateIds.add(e.get("id").asText()));
            if (state.get("seq").asLong() != 2L * PER_SENDER) {
                problems.put("room " + r + " late joiner", "seq " + state.get("seq") + ", expected " + 2 * PER_SENDER);
            }
            if (!stateIds.equals(roomElementOrder.get(r))) {
                problems.put("room " + r + " late joiner elements", "not the live receivers' elements in seq order");
            }
            if (!states.get(1).equals(state) || !states.get(2).equals(state)) {
                problems.put("room " + r + " late joiners", "A, B and the rebuilt instance differ");
            } else {
                identical++;
            }
        }

        System.out.printf("Kafka restart under annotation load: %d events sent by %d senders in %d rooms (%d before the"
                        + " restart, %d while it ran); restart (stop + start + ready) %d ms; all %d deliveries to %d"
                        + " receivers done %d ms after the last send (%d ms in all); %d 'unavailable' errors;"
                        + " late joiners identical in %d/%d rooms; instance C rebuilt and ready in %d ms%n",
                total, senders.size(), ROOMS, sentBeforeRestart, sentDuringRestart, restartMillis, delivered,
                receivers.size(), drainMillis, totalMillis, unavailable, identical, ROOMS, rebuildMillis);
        problems.forEach((k, v) -> System.out.println("  " + k + ": " + v));

        assertThat(unavailable).as("senders refused during the restart").isZero();
        assertThat(problems).isEmpty();
        assertThat(delivered).isEqualTo(2 * total);
        for (Peer p : receivers) {
            p.close();
        }
        for (ServiceInstance s : List.of(stack.annotationA(), stack.annotationB(), fresh)) {
            assertThat(Http.ready(s, WAIT)).as("%s ready", s.name()).isEqualTo(200);
        }
    }

    /** Exactly once, in order, nothing missing: distinct eventIds, seq 1..n, each sender's events in send order. */
    private static void check(String who, List<JsonNode> events, int room, Map<String, String> problems) {
        Set<String> eventIds = new HashSet<>(ids(events, "eventId"));
        if (eventIds.size() != events.size()) {
            problems.put(who, (events.size() - eventIds.size()) + " duplicate eventIds");
        }
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).get("seq").asLong() != i + 1) {
                problems.put(who, "seq " + events.get(i).get("seq") + " at position " + (i + 1));
                break;
            }
        }
        for (String sender : List.of("r" + room + "-a-", "r" + room + "-c-")) {
            List<String> mine = ids(events, "id").stream().filter(id -> id.startsWith(sender)).toList();
            List<String> expected = new ArrayList<>();
            for (int n = 0; n < PER_SENDER; n++) {
                expected.add(sender + n);
            }
            if (!mine.equals(expected)) {
                problems.put(who + " " + sender, mine.size() + " events of " + PER_SENDER + ", or out of order");
            }
        }
    }

    private static List<JsonNode> events(Peer p) {
        List<JsonNode> out = new ArrayList<>();
        for (String text : p.inbox().raw()) {
            if (text.startsWith("{\"type\":\"event\"")) {
                try {
                    out.add(JSON.readTree(text));
                } catch (Exception e) {
                    throw new AssertionError("not JSON: " + text, e);
                }
            }
        }
        return out;
    }

    /** eventId of each event, or the element id ({@code event.id}) with {@code "id"}. */
    private static List<String> ids(List<JsonNode> events, String field) {
        return events.stream().map(e -> field.equals("id") ? e.path("event").path("id").asText()
                : e.path(field).asText()).toList();
    }

    private static int errors(Peer p, String code) {
        return (int) p.inbox().raw().stream().filter(t -> t.startsWith("{\"type\":\"error\"")
                && t.contains("\"" + code + "\"")).count();
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
