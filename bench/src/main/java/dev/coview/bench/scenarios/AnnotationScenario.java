package dev.coview.bench.scenarios;

import dev.coview.bench.core.BenchSockets;
import dev.coview.bench.core.LatencyRecorder;
import dev.coview.bench.core.OpenLoop;
import dev.coview.bench.core.ProcessSampler;
import dev.coview.bench.core.ScenarioResult;
import dev.coview.contracts.auth.Role;
import dev.coview.local.servers.JwtDevKeys;
import dev.coview.local.servers.ServiceInstance;
import dev.coview.local.testing.TestTokens;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Annotation fan-out under load: R rooms, each with an agent sending 60 Hz pointer moves plus a stroke every
 * second, and a customer and an observer receiving (on the other instance). Pointer latency is matched through the
 * pointer's x (a slot of a per-room ring of intended send times); durable latency through the stroke id, which
 * carries its intended send time. Durable order is checked by seq per receiver (gaps and reorders counted).
 *
 * <p>Durable accounting, per stroke sent in the measured window: <em>acknowledged</em> when the agent sees it come
 * back from the room's log (the service stamped and stored it); <em>lost</em> when acknowledged but missing at a
 * receiver after the drain (a real loss); <em>unacknowledged</em> when the agent never saw it (refused with an
 * error, e.g. flood control, or still in flight when the drain gave up). The drain waits until every stroke is
 * accounted for or nothing has moved for 15 s (60 s at most), so a slow run is not reported as a lossy one.
 * Pointer moves are coalesced by the service when it is behind (a receiver gets the newest position), so
 * {@code pointer_deliveries} below {@code pointer_expected} is not loss; their latency is what counts.
 */
public final class AnnotationScenario {

    private static final int RING = 4096;
    /** Sockets per room that receive (a customer and an observer). */
    private static final int RECEIVERS = 2;

    /**
     * Settings of the annotation-service instances under test. Flood control judges a socket by when its frames are
     * processed: after a stall of the loaded machine (or of this single sending thread) a well-behaved 60 Hz sender's
     * queued frames are read back to back and would be refused as a flood, which measures policing rather than the
     * relay. A browser cannot send such a burst: it coalesces pointer moves to one per animation frame.
     */
    public static final Map<String, String> SERVICE_CONFIG = Map.of(
            "coview.ws.messages-per-second", "1000",
            "coview.ws.burst", "20000");

    /** One room: its sender and the intended send time of each pointer slot. */
    private static final class RoomLoad {
        final WebSocket agent;
        final long[] pointerIntended = new long[RING];
        long pointers;
        long strokes;

        RoomLoad(WebSocket agent) {
            this.agent = agent;
        }
    }

    private AnnotationScenario() {
    }

    public static ScenarioResult run(JwtDevKeys keys, ServiceInstance sendTo, ServiceInstance receiveFrom,
                                     Map<String, Long> pids, int rooms, int pointerHz, Duration warmup,
                                     Duration measure) throws Exception {
        Vertx vertx = Vertx.vertx();
        LatencyRecorder pointer = new LatencyRecorder("pointer");
        LatencyRecorder durable = new LatencyRecorder("durable (stroke)");
        AtomicLong pointersReceived = new AtomicLong();
        AtomicLong strokesReceived = new AtomicLong();
        AtomicLong seqGaps = new AtomicLong();
        AtomicLong states = new AtomicLong();
        // Stroke id (its intended send time) → how many receivers got it; ids the agents saw come back.
        Map<Long, AtomicInteger> strokeReceipts = new ConcurrentHashMap<>();
        Set<Long> strokeAcks = ConcurrentHashMap.newKeySet();
        Map<String, AtomicLong> agentErrors = new ConcurrentHashMap<>();
        AtomicLong agentsClosed = new AtomicLong();
        try {
            WebSocketClient client = vertx.createWebSocketClient(BenchSockets.clientOptions()
                    .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22));
            List<RoomLoad> loads = new ArrayList<>();
            for (int r = 0; r < rooms; r++) {
                String room = TestTokens.randomId();
                WebSocket agent = connect(client, sendTo, token(keys, room, Role.AGENT), text -> {
                    if (text.startsWith("{\"type\":\"error\"")) {
                        int at = text.indexOf("\"code\":\"") + 8;
                        agentErrors.computeIfAbsent(text.substring(at, text.indexOf('"', at)),
                                c -> new AtomicLong()).incrementAndGet();
                    } else if (text.contains("\"type\":\"stroke\"")) {
                        strokeAcks.add(strokeId(text));
                    }
                }, v -> agentsClosed.incrementAndGet());
                RoomLoad load = new RoomLoad(agent);
                loads.add(load);
                for (Role role : List.of(Role.CUSTOMER, Role.OBSERVER)) {
                    long[] lastSeq = {-1};
                    connect(client, receiveFrom, token(keys, room, role), text -> {
                        long now = System.nanoTime();
                        if (text.startsWith("{\"type\":\"state\"")) {
                            lastSeq[0] = longField(text, "\"seq\":");
                            states.incrementAndGet();
                        } else if (text.contains("\"type\":\"pointer\"")) {
                            double x = doubleField(text, "\"x\":");
                            int slot = (int) Math.round(x * RING) % RING;
                            pointer.record(load.pointerIntended[slot], now);
                            pointersReceived.incrementAndGet();
                        } else if (text.contains("\"type\":\"stroke\"")) {
                            long id = strokeId(text);
                            durable.record(id, now);
                            strokesReceived.incrementAndGet();
                            strokeReceipts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                            long seq = longField(text, "\"seq\":");
                            if (lastSeq[0] >= 0 && seq != lastSeq[0] + 1) {
                                seqGaps.incrementAndGet();
                            }
                            lastSeq[0] = seq;
                        }
                    }, null);
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (states.get() < (long) RECEIVERS * rooms && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            AtomicLong sent = new AtomicLong();
            AtomicLong strokesSent = new AtomicLong();
            // Strokes sent in the measured window (null outside it): the ones the durable figures account for.
            java.util.concurrent.atomic.AtomicReference<Set<Long>> measured =
                    new java.util.concurrent.atomic.AtomicReference<>();
            int rate = rooms * pointerHz;
            try (ProcessSampler sampler = new ProcessSampler(pids);
                 OpenLoop loop = new OpenLoop("bench-annotation", rate, intended -> {
                     long n = sent.getAndIncrement();
                     RoomLoad load = loads.get((int) (n % loads.size()));
                     long k = load.pointers++;
                     if (k % pointerHz == pointerHz - 1) {
                         // Once a second per room: a whole stroke, durable, its id carrying the intended time.
                         load.strokes++;
                         strokesSent.incrementAndGet();
                         Set<Long> window = measured.get();
                         if (window != null) {
                             window.add(intended);
                         }
                         load.agent.writeTextMessage("{\"type\":\"stroke\",\"id\":\"t" + intended
                                 + "\",\"tool\":\"pen\",\"color\":\"#ff0000\",\"width\":0.004,"
                                 + "\"points\":[0.1,0.1,0.2,0.2,0.3,0.25]}");
                         return;
                     }
                     int slot = (int) (k % RING);
                     load.pointerIntended[slot] = intended;
                     load.agent.writeTextMessage("{\"type\":\"pointer\",\"x\":" + ((double) slot / RING)
                             + ",\"y\":0.5}");
                 }).start()) {
                Thread.sleep(warmup.toMillis());
                pointer.reset();
                durable.reset();
                sampler.reset();
                long s0 = sent.get();
                long st0 = strokesSent.get();
                long pr0 = pointersReceived.get();
                long gaps0 = seqGaps.get();
                Map<String, Long> errors0 = snapshot(agentErrors);
                long closed0 = agentsClosed.get();
                Set<Long> window = ConcurrentHashMap.newKeySet();
                measured.set(window);
                long t0 = System.nanoTime();
                Thread.sleep(measure.toMillis());
                measured.set(null);
                loop.close();
                double seconds = (System.nanoTime() - t0) / 1e9;
                long strokes = strokesSent.get() - st0;
                long pointers = sent.get() - s0 - strokes;
                long drainStart = System.nanoTime();
                long drainEnd = drainStart + TimeUnit.SECONDS.toNanos(60);
                long lastProgress = drainStart;
                DurableCounts last = DurableCounts.of(window, strokeAcks, strokeReceipts);
                while (System.nanoTime() < drainEnd && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(15)
                        && !last.settled(window.size())) {
                    Thread.sleep(50);
                    DurableCounts now = DurableCounts.of(window, strokeAcks, strokeReceipts);
                    if (!now.equals(last)) {
                        lastProgress = System.nanoTime();
                        last = now;
                    }
                }
                DurableCounts counts = DurableCounts.of(window, strokeAcks, strokeReceipts);
                long acked = counts.acknowledged();
                long lost = counts.lost();
                Map<String, Long> errors = new TreeMap<>();
                snapshot(agentErrors).forEach((code, n) -> {
                    long d = n - errors0.getOrDefault(code, 0L);
                    if (d > 0) {
                        errors.put(code, d);
                    }
                });
                return new ScenarioResult("annotation-" + rooms)
                        .parameter("rooms", rooms)
                        .parameter("pointer_hz_per_room", pointerHz)
                        .parameter("receivers_per_room", RECEIVERS)
                        .parameter("instances", 2)
                        .parameter("seconds", measure.toSeconds())
                        .latency(pointer)
                        .latency(durable)
                        .figure("events_in_per_s", Math.round((sent.get() - s0) / seconds))
                        .figure("pointer_deliveries", pointersReceived.get() - pr0)
                        .figure("pointer_expected", RECEIVERS * pointers)
                        .figure("durable_sent", window.size())
                        .figure("durable_acknowledged", acked)
                        .figure("durable_lost", lost)
                        .figure("durable_unacknowledged", window.size() - acked)
                        .figure("drain_s", Math.round((System.nanoTime() - drainStart) / 1e8) / 10.0)
                        .figure("agent_errors", errors)
                        .figure("agents_closed", agentsClosed.get() - closed0)
                        .figure("seq_gaps", seqGaps.get() - gaps0)
                        .processes(sampler.summary());
            }
        } finally {
            dev.coview.bench.core.VertxShutdown.close(vertx);
        }
    }

    private static long strokeId(String text) {
        int at = text.indexOf("\"id\":\"t") + 7;
        return Long.parseLong(text.substring(at, text.indexOf('"', at)));
    }

    /**
     * Where the strokes of the measured window stand: how many the agents saw come back, how many receipts the
     * receivers counted, and how many receipts of acknowledged strokes are missing (a receiver per room each).
     */
    private record DurableCounts(long acknowledged, long receipts, long lost) {

        static DurableCounts of(Set<Long> window, Set<Long> acks, Map<Long, AtomicInteger> receipts) {
            long acked = 0;
            long received = 0;
            long lost = 0;
            for (Long id : window) {
                AtomicInteger got = receipts.get(id);
                int n = got == null ? 0 : got.get();
                received += n;
                if (acks.contains(id)) {
                    acked++;
                    lost += RECEIVERS - Math.min(RECEIVERS, n);
                }
            }
            return new DurableCounts(acked, received, lost);
        }

        /** Every stroke acknowledged and every acknowledged stroke received by each receiver. */
        boolean settled(int sent) {
            return acknowledged >= sent && receipts >= RECEIVERS * acknowledged;
        }
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    private static String token(JwtDevKeys keys, String room, Role role) {
        return TestTokens.token(keys, room, TestTokens.randomId(), role, role.defaultGrants(), Duration.ofHours(2));
    }

    private static long longField(String text, String name) {
        int at = text.indexOf(name);
        if (at < 0) {
            return -1;
        }
        int start = at + name.length();
        int end = start;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return Long.parseLong(text.substring(start, end));
    }

    private static double doubleField(String text, String name) {
        int start = text.indexOf(name) + name.length();
        int end = start;
        while (end < text.length() && "0123456789.eE-".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        return Double.parseDouble(text.substring(start, end));
    }

    private static WebSocket connect(WebSocketClient client, ServiceInstance instance, String token,
                                     Handler<String> onText, Handler<Void> onClose) throws Exception {
        return BenchSockets.connect(client, instance, "/ws/annotations", token, onText, onClose);
    }
}
