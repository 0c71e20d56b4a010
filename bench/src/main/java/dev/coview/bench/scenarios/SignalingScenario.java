package dev.coview.bench.scenarios;

import dev.coview.bench.core.BenchSockets;
import dev.coview.bench.core.Drain;
import dev.coview.bench.core.LatencyRecorder;
import dev.coview.bench.core.OpenLoop;
import dev.coview.bench.core.Payloads;
import dev.coview.bench.core.ProcessSampler;
import dev.coview.bench.core.ScenarioResult;
import dev.coview.contracts.auth.Role;
import dev.coview.local.servers.JwtDevKeys;
import dev.coview.local.servers.ServiceInstance;
import dev.coview.local.testing.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signaling relay under load: R rooms × 2 peers, the customer on one signaling instance and the agent on the other,
 * so every message crosses Redis pub/sub. Each peer sends addressed ~200-byte {@code candidate} messages at a fixed
 * rate (open loop); one-way latency from the intended send time. Ramps the rate until p99 exceeds 50 ms or a
 * message is lost. Given the same instance twice, both peers of a room are on it (a lone instance delivers without
 * Redis: the bench's pinned mode). Every level reports the load generator's own CPU ({@code bench} among the
 * processes) and its send lag (how late the sending thread fired), so that a saturated client is not read as a
 * server result.
 */
public final class SignalingScenario {

    /** A connected pair of one room. */
    private record Pair(WebSocket customer, WebSocket agent, String customerId, String agentId) {
    }

    private static final int PAYLOAD = 200;

    private SignalingScenario() {
    }

    /**
     * @param two    the agents' instance; {@code one} again to put both peers of every room on one instance
     * @param levels deliveries per second to try, in order (each for {@code measure} after {@code warmup})
     */
    public static List<ScenarioResult> run(JwtDevKeys keys, ServiceInstance one, ServiceInstance two,
                                           Map<String, Long> pids, int rooms, List<Integer> levels,
                                           Duration warmup, Duration measure) throws Exception {
        return run(keys, one, two, pids, rooms, levels, warmup, measure, false);
    }

    /**
     * @param smooth one client event loop (two on one core preempt each other: a frame waits for the other loop's
     *               time slice) and a real-time sending thread (Linux, {@code chrt}): messages leave one by one on
     *               schedule, as from independent browsers, instead of in bursts after the sender waited for the CPU
     */
    public static List<ScenarioResult> run(JwtDevKeys keys, ServiceInstance one, ServiceInstance two,
                                           Map<String, Long> pids, int rooms, List<Integer> levels,
                                           Duration warmup, Duration measure, boolean smooth) throws Exception {
        Vertx vertx = smooth ? Vertx.vertx(new io.vertx.core.VertxOptions().setEventLoopPoolSize(1)) : Vertx.vertx();
        List<ScenarioResult> results = new ArrayList<>();
        LatencyRecorder latency = new LatencyRecorder("offer/answer/candidate relay");
        AtomicLong received = new AtomicLong();
        AtomicLong ready = new AtomicLong();
        try {
            WebSocketClient client = vertx.createWebSocketClient(BenchSockets.clientOptions().setMaxFrameSize(65536));
            List<Pair> pairs = new ArrayList<>();
            for (int r = 0; r < rooms; r++) {
                String room = TestTokens.randomId();
                String customerId = TestTokens.randomId();
                String agentId = TestTokens.randomId();
                WebSocket customer = connect(client, one, TestTokens.token(keys, room, customerId, Role.CUSTOMER,
                        Role.CUSTOMER.defaultGrants(), Duration.ofHours(2)), latency, received, ready);
                WebSocket agent = connect(client, two, TestTokens.token(keys, room, agentId, Role.AGENT,
                        Role.AGENT.defaultGrants(), Duration.ofHours(2)), latency, received, ready);
                pairs.add(new Pair(customer, agent, customerId, agentId));
            }
            // Both peers of every room must know each other before addressed messages can be delivered.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (ready.get() < 2L * rooms && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (ready.get() < 2L * rooms) {
                throw new IllegalStateException("only " + ready.get() + " of " + 2 * rooms + " peers saw each other");
            }
            for (int rate : levels) {
                ScenarioResult result = level(pairs, pids, one == two ? 1 : 2, rate, latency, received, warmup,
                        measure, smooth);
                results.add(result);
                System.out.println("signaling " + rate + "/s: " + result.latency() + " " + result.figures());
                double p99 = (double) result.latency().values().iterator().next().get("p99_ms");
                if (p99 > 50 || (long) result.figures().get("lost") > 0) {
                    break;
                }
            }
            pairs.forEach(p -> {
                p.customer().close();
                p.agent().close();
            });
            return results;
        } finally {
            dev.coview.bench.core.VertxShutdown.close(vertx);
        }
    }

    private static ScenarioResult level(List<Pair> pairs, Map<String, Long> pids, int instances, int rate,
                                        LatencyRecorder latency, AtomicLong received, Duration warmup,
                                        Duration measure, boolean smooth) throws Exception {
        AtomicLong sent = new AtomicLong();
        int senders = pairs.size() * 2;
        try (ProcessSampler sampler = new ProcessSampler(pids);
             OpenLoop loop = new OpenLoop("bench-signaling", rate, intended -> {
                 long n = sent.getAndIncrement();
                 Pair p = pairs.get((int) ((n / 2) % pairs.size()));
                 boolean fromCustomer = (n & 1) == 0;
                 String json = "{\"type\":\"candidate\",\"to\":\"" + (fromCustomer ? p.agentId() : p.customerId())
                         + "\",\"candidate\":\"" + Payloads.stamped(intended, PAYLOAD - 60) + "\"}";
                 (fromCustomer ? p.customer() : p.agent()).writeTextMessage(json);
             }).start()) {
            if (smooth && dev.coview.bench.core.CpuPinning.realtime("bench-signaling") != 1) {
                throw new IllegalStateException("the sending thread could not be given the real-time policy");
            }
            Thread.sleep(warmup.toMillis());
            latency.reset();
            sampler.reset();
            long cpu0 = sampler.cpuMillis("signaling-service");
            loop.lag().reset();
            String loadBefore = dev.coview.bench.core.ServiceStart.currentLoadAverage();
            long s0 = sent.get();
            long r0 = received.get();
            java.time.Instant from = java.time.Instant.now();
            double seconds = loop.runFor(measure);
            // The window in wall-clock time, to read the services' GC logs (-Xlog:gc with utctime) against it.
            String window = from + "/" + java.time.Instant.now();
            long s = sent.get() - s0;
            Drain.until(() -> received.get() - r0 >= s, Duration.ofSeconds(5));
            long r = received.get() - r0;
            long cpuMs = sampler.cpuMillis("signaling-service") - cpu0;
            Map<String, Object> lag = loop.lag().summary();
            return new ScenarioResult("signaling-" + rate)
                    .parameter("rooms", pairs.size())
                    .parameter("senders", senders)
                    .parameter("target_deliveries_per_s", rate)
                    .parameter("payload_bytes", PAYLOAD)
                    .parameter("instances", instances)
                    .parameter("seconds", measure.toSeconds())
                    .parameter("window_utc", window)
                    .parameter("load_average", loadBefore + " → " + dev.coview.bench.core.ServiceStart
                            .currentLoadAverage())
                    .latency(latency)
                    .figure("achieved_per_s", Math.round(s / seconds))
                    .figure("lost", Math.max(0, s - r))
                    // Both instances' CPU per 1,000 deliveries, from the measured window to the last delivery.
                    .figure("service_cpu_ms_per_1000", r == 0 ? 0 : Math.round(cpuMs * 1000.0 / r))
                    .figure("send_lag_p99_ms", lag.get("p99_ms"))
                    .figure("send_lag_max_ms", lag.get("max_ms"))
                    .processes(sampler.summary());
        }
    }

    private static WebSocket connect(WebSocketClient client, ServiceInstance instance, String token,
                                     LatencyRecorder latency, AtomicLong received, AtomicLong ready)
            throws Exception {
        return BenchSockets.connect(client, instance, "/ws/signal", token, text -> {
            long now = System.nanoTime();
            int at = text.indexOf("\"candidate\":\"");
            if (at >= 0) {
                int start = at + "\"candidate\":\"".length();
                latency.record(Payloads.intendedOf(text.substring(start, text.indexOf('"', start))), now);
                received.incrementAndGet();
            } else if (text.contains("\"peer-joined\"") || (text.contains("\"welcome\"")
                    && text.contains("\"peers\":[{"))) {
                ready.incrementAndGet(); // this peer knows the other one: addressed messages will be delivered
            }
        }, null);
    }
}
