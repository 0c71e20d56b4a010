package dev.coview.bench.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.bench.core.Drain;
import dev.coview.bench.core.LatencyRecorder;
import dev.coview.bench.core.OpenLoop;
import dev.coview.bench.core.ProcessSampler;
import dev.coview.bench.core.ScenarioResult;
import dev.coview.local.servers.ServiceInstance;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Room REST under load: at a fixed arrival rate an agent creates a room ({@code POST /api/rooms}) and, once it
 * has the code, a customer joins with it ({@code POST /api/rooms/join}). Latency of each call from its intended
 * start; a non-2xx answer counts as an error.
 */
public final class RestScenario {

    /** The agent key the bench starts room-service with. */
    public static final String AGENT_KEY = "bench-agent-key-0123456789abcdef";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RestScenario() {
    }

    public static ScenarioResult run(ServiceInstance room, Map<String, Long> pids, int ratePerSecond,
                                     Duration warmup, Duration measure) throws Exception {
        Vertx vertx = Vertx.vertx();
        LatencyRecorder create = new LatencyRecorder("POST /api/rooms");
        LatencyRecorder join = new LatencyRecorder("POST /api/rooms/join");
        AtomicLong errors = new AtomicLong();
        java.util.concurrent.ConcurrentHashMap<String, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong done = new AtomicLong();
        try {
            HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                    .setDefaultPort(room.port()).setMaxPoolSize(64).setKeepAlive(true));
            try (ProcessSampler sampler = new ProcessSampler(pids);
                 OpenLoop loop = new OpenLoop("bench-rest", ratePerSecond, intended -> {
                     sent.incrementAndGet();
                     // Each client has its own address (the join guessing limit is per client, behind a proxy).
                     String client = "10.9." + (sent.get() / 250 % 250) + "." + (sent.get() % 250 + 1);
                     post(http, "/api/rooms", Map.of("X-CoView-Agent-Key", AGENT_KEY), "{}").onComplete(c -> {
                         long created = System.nanoTime();
                         create.record(intended, created);
                         count(statuses, "create", c);
                         if (c.failed() || c.result().statusCode() != 201) {
                             errors.incrementAndGet();
                             done.incrementAndGet();
                             return;
                         }
                         String code = c.result().body().path("joinCode").asText();
                         post(http, "/api/rooms/join", Map.of("X-Forwarded-For", client),
                                 "{\"code\":\"" + code + "\"}").onComplete(j -> {
                                     join.record(created, System.nanoTime());
                                     count(statuses, "join", j);
                                     if (j.failed() || j.result().statusCode() != 200) {
                                         errors.incrementAndGet();
                                     }
                                     done.incrementAndGet();
                                 });
                     });
                 }).start()) {
                Thread.sleep(warmup.toMillis());
                create.reset();
                join.reset();
                sampler.reset();
                long cpu0 = sampler.cpuMillis("room-service");
                long d0 = done.get();
                long s0 = sent.get();
                long e0 = errors.get();
                double seconds = loop.runFor(measure);
                Drain.until(() -> done.get() >= sent.get(), Duration.ofSeconds(10));
                long cpuMs = sampler.cpuMillis("room-service") - cpu0;
                long rooms = done.get() - d0;
                return new ScenarioResult("rest")
                        .parameter("rate_per_s", ratePerSecond)
                        .parameter("seconds", measure.toSeconds())
                        .latency(create)
                        .latency(join)
                        .figure("achieved_per_s", Math.round((sent.get() - s0) / seconds))
                        .figure("errors", errors.get() - e0)
                        .figure("statuses", new java.util.TreeMap<>(statuses))
                        // room-service's CPU per room created and joined, from the measured window to the last answer.
                        .figure("service_cpu_ms_per_room", rooms == 0 ? 0 : Math.round(cpuMs * 10.0 / rooms) / 10.0)
                        .processes(sampler.summary());
            }
        } finally {
            dev.coview.bench.core.VertxShutdown.close(vertx);
        }
    }

    private static void count(Map<String, AtomicLong> statuses, String call,
                              io.vertx.core.AsyncResult<Answer> result) {
        String key = call + " " + (result.failed() ? result.cause().getClass().getSimpleName()
                : String.valueOf(result.result().statusCode()));
        statuses.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    /** A status and JSON body. */
    private record Answer(int statusCode, JsonNode body) {
    }

    private static io.vertx.core.Future<Answer> post(HttpClient http, String uri, Map<String, String> headers,
                                                     String body) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(uri)
                .putHeader("Content-Type", "application/json");
        headers.forEach(options::putHeader);
        return http.request(options)
                .compose(req -> req.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), parse(b))));
    }

    private static JsonNode parse(Buffer b) {
        try {
            return JSON.readTree(b.getBytes());
        } catch (java.io.IOException e) {
            return JSON.nullNode();
        }
    }
}
