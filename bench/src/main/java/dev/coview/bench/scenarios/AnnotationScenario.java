package dev.coview.bench.scenarios;

import dev.coview.bench.core.LatencyRecorder;
import dev.coview.bench.core.OpenLoop;
import dev.coview.bench.core.ProcessSampler;
import dev.coview.bench.core.ScenarioResult;
import dev.coview.contracts.auth.Role;
import dev.coview.local.JwtDevKeys;
import dev.coview.local.ServiceInstance;
import dev.coview.local.testing.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Annotation fan-out under load: R rooms, each with an agent sending 60 Hz pointer moves plus a stroke every
 * second, and a customer and an observer receiving (on the other instance). Pointer latency is matched through the
 * pointer's x (a slot of a per-room ring of intended send times); durable latency through the stroke id, which
 * carries its intended send time. Durable order is checked by seq per receiver (gaps and reorders counted).
 */
public final class AnnotationScenario {

    private static final int RING = 4096;

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
        try {
            WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                    // Vert.x allows 50 sockets per host by default; the bench opens hundreds to each instance.
                    .setMaxConnections(20_000)
                    .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22).setConnectTimeout(10_000));
            List<RoomLoad> loads = new ArrayList<>();
            for (int r = 0; r < rooms; r++) {
                String room = TestTokens.randomId();
                WebSocket agent = connect(client, sendTo, token(keys, room, Role.AGENT));
                agent.textMessageHandler(text -> { });
                RoomLoad load = new RoomLoad(agent);
                loads.add(load);
                for (Role role : List.of(Role.CUSTOMER, Role.OBSERVER)) {
                    WebSocket receiver = connect(client, receiveFrom, token(keys, room, role));
                    long[] lastSeq = {-1};
                    receiver.textMessageHandler(text -> {
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
                            int at = text.indexOf("\"id\":\"t") + 7;
                            durable.record(Long.parseLong(text.substring(at, text.indexOf('"', at))), now);
                            strokesReceived.incrementAndGet();
                            long seq = longField(text, "\"seq\":");
                            if (lastSeq[0] >= 0 && seq != lastSeq[0] + 1) {
                                seqGaps.incrementAndGet();
                            }
                            lastSeq[0] = seq;
                        }
                    });
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (states.get() < 2L * rooms && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            AtomicLong sent = new AtomicLong();
            AtomicLong strokesSent = new AtomicLong();
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
                long sr0 = strokesReceived.get();
                long gaps0 = seqGaps.get();
                long t0 = System.nanoTime();
                Thread.sleep(measure.toMillis());
                loop.close();
                double seconds = (System.nanoTime() - t0) / 1e9;
                long strokes = strokesSent.get() - st0;
                long pointers = sent.get() - s0 - strokes;
                long drain = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (strokesReceived.get() - sr0 < 2 * strokes && System.nanoTime() < drain) {
                    Thread.sleep(20);
                }
                return new ScenarioResult("annotation")
                        .parameter("rooms", rooms)
                        .parameter("pointer_hz_per_room", pointerHz)
                        .parameter("receivers_per_room", 2)
                        .parameter("instances", 2)
                        .parameter("seconds", measure.toSeconds())
                        .latency(pointer)
                        .latency(durable)
                        .figure("events_in_per_s", Math.round((sent.get() - s0) / seconds))
                        .figure("pointer_deliveries", pointersReceived.get() - pr0)
                        .figure("pointer_expected", 2 * pointers)
                        .figure("durable_lost", Math.max(0, 2 * strokes - (strokesReceived.get() - sr0)))
                        .figure("seq_gaps", seqGaps.get() - gaps0)
                        .processes(sampler.summary());
            }
        } finally {
            dev.coview.bench.core.VertxShutdown.close(vertx);
        }
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

    static WebSocket connect(WebSocketClient client, ServiceInstance instance, String token) throws Exception {
        String carrier = URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer " + token,
                StandardCharsets.UTF_8).replace("+", "%20");
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost("127.0.0.1").setPort(instance.port()).setURI("/ws/annotations")
                .setSubProtocols(List.of("bearer-token-carrier", carrier))
                .setAllowOriginHeader(false);
        return client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
