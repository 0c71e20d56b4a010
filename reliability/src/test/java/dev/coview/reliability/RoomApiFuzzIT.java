package dev.coview.reliability;

import static dev.coview.reliability.testing.FuzzVerdict.abbreviate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Role;
import dev.coview.reliability.testing.FuzzCases;
import dev.coview.reliability.testing.FuzzRun;
import dev.coview.reliability.testing.Http;
import dev.coview.reliability.testing.Leaks;
import dev.coview.reliability.testing.Stack;
import dev.coview.reliability.testing.Tokens;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A seeded random fuzzer on room-service's REST API: {@code reliability.fuzz.cases} requests (default 10,000) on
 * every endpoint, with fuzzed bodies (mutated valid bodies, random JSON, random bytes), random ids in paths
 * (traversal included), random content types and a mix of real, foreign, forged and garbage credentials. Every
 * answer must be a documented status (never 5xx), every refusal problem+json, no answer may carry a stack trace or a
 * secret; a room untouched by the fuzzer stays readable and the service is ready at the end. The seed is printed and
 * settable with {@code -Dreliability.fuzz.seed=…}.
 */
@Order(7)
class RoomApiFuzzIT {

    private static final int WORKERS = 6;
    private static final Set<Integer> DOCUMENTED = Set.of(200, 201, 204, 400, 401, 403, 404, 405, 406, 409, 410,
            413, 415, 429);
    private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json",
        "text/plain", "application/x-www-form-urlencoded", "application/problem+json", "multipart/form-data",
        "application/json; charset=utf-16", ""};
    private static final String[] TRAVERSALS = {"..", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", "%00",
        "AAAAAAAAAAAAAAAAAAAAAA", "....//....//", "%252e%252e%252f", "%C0%AE%C0%AE%2F"};

    private final Map<String, AtomicLong> tally = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    @Test
    void randomRequestsNeverBreakTheApiContract() {
        FuzzRun run = FuzzRun.fromProperties("REST fuzz");
        Stack stack = Stack.get();
        JsonNode healthy = Http.createRoom();
        List<JsonNode> rooms = List.of(Http.createRoom(), Http.createRoom());
        List<String> credentials = new ArrayList<>();
        for (JsonNode r : rooms) {
            credentials.add("Bearer " + r.get("token").asText());
            String id = r.get("roomId").asText();
            credentials.add("Bearer " + Tokens.valid(id, Tokens.randomId(), Role.CUSTOMER));
            credentials.add("Bearer " + Tokens.valid(id, Tokens.randomId(), Role.OBSERVER));
            credentials.add("Bearer " + Tokens.expired(id, Tokens.randomId(), Role.AGENT));
            credentials.add("Bearer " + Tokens.forged(id, Tokens.randomId(), Role.AGENT));
            credentials.add("Bearer " + Tokens.algNone(id, Tokens.randomId(), Role.AGENT));
        }
        credentials.add("Bearer ");
        credentials.add("bearer x.y.z");
        credentials.add("Basic YWRtaW46YWRtaW4=");
        List<Map<String, Object>> templates = List.of(
                Map.of("name", "Agent"),
                Map.of("code", "123456"),
                Map.of("invite", Tokens.randomId(), "name", "Customer"),
                Map.of("code", "654321", "name", "Customer"));

        run.inParallel(WORKERS, templates, (w, generator, share) -> fuzz(stack.rooms().baseUrl(), generator, share,
                rooms, credentials, stack.agentKey()));
        run.conclude(tally, problems);
        HttpResponse<String> r = Http.send("GET", stack.rooms().baseUrl() + "/api/rooms/"
                + healthy.get("roomId").asText(), null, Map.of("Authorization", "Bearer "
                + healthy.get("token").asText()));
        assertThat(r.statusCode()).as("a room the fuzzer did not touch is readable").isEqualTo(200);
        assertThat(Http.ready(stack.rooms(), Duration.ofSeconds(10))).isEqualTo(200);
    }

    private void fuzz(String base, FuzzCases generator, int cases, List<JsonNode> rooms, List<String> credentials,
                      String agentKey) {
        Random random = generator.random();
        for (int i = 0; i < cases; i++) {
            FuzzCases.Case c = generator.next();
            String roomId = random.nextInt(4) == 0 ? TRAVERSALS[random.nextInt(TRAVERSALS.length)]
                    : random.nextInt(5) == 0 ? pathSegment(c.text())
                    : rooms.get(random.nextInt(rooms.size())).get("roomId").asText();
            Map<String, String> headers = new HashMap<>();
            String type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
            if (!type.isEmpty()) {
                headers.put("Content-Type", type);
            }
            if (random.nextInt(4) != 0) {
                headers.put("Authorization", credentials.get(random.nextInt(credentials.size())));
            }
            String method;
            String path;
            String body = c.text();
            switch (random.nextInt(7)) {
                case 0 -> {
                    method = "POST";
                    path = "/api/rooms";
                    // Wrong keys count against their address's budget: the fuzzer's own, not the other tests'.
                    headers.put("X-Forwarded-For", "198.51.100.7");
                    if (random.nextBoolean()) {
                        headers.put("X-CoView-Agent-Key", random.nextInt(3) == 0 ? c.text().replaceAll("[^ -~]", "")
                                : agentKey);
                    }
                }
                case 1, 2 -> {
                    method = "POST";
                    path = "/api/rooms/join";
                }
                case 3 -> {
                    method = "POST";
                    path = "/api/rooms/" + roomId + "/observers";
                }
                case 4 -> {
                    method = "GET";
                    path = "/api/rooms/" + roomId;
                    body = null;
                }
                case 5 -> {
                    // Ending the fuzzer's own rooms is allowed: the rest of the run then meets 410s.
                    method = random.nextBoolean() ? "DELETE" : "PATCH";
                    path = "/api/rooms/" + roomId;
                    body = random.nextBoolean() ? null : body;
                }
                default -> {
                    method = "GET";
                    path = random.nextBoolean() ? "/api/ice-servers" : "/api/" + roomId;
                    body = null;
                }
            }
            count("cases");
            HttpResponse<String> r;
            try {
                r = Http.send(method, base + path, body, headers);
            } catch (IllegalArgumentException e) {
                // The JDK client refused to send it (an illegal header value): not a case for the service.
                count("not sendable");
                continue;
            }
            count("status " + r.statusCode());
            String what = method + " " + path + " → " + r.statusCode();
            if (!DOCUMENTED.contains(r.statusCode())) {
                problems.add("undocumented status: " + what + " " + abbreviate(r.body()));
            }
            if (r.statusCode() >= 400 && !r.headers().firstValue("Content-Type").orElse("")
                    .startsWith(Http.PROBLEM_JSON)) {
                problems.add("not problem+json: " + what);
            }
            String leak = Leaks.find(r.body());
            if (leak != null) {
                problems.add("answer carries " + leak + ": " + what + " " + abbreviate(r.body()));
            }
            if (Leaks.namesInternals(r.body())) {
                count("answers naming Java classes");
            }
        }
    }

    /**
     * A fuzz text as a path segment, at most 1,000 characters encoded: a longer request line is refused by the HTTP
     * layer (431, plain text) before the API sees it, which is not what this fuzzer is about.
     */
    private static String pathSegment(String text) {
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
        return encoded.length() <= 1000 ? encoded : encoded.substring(0, 1000).replaceAll("%[0-9A-F]?$", "");
    }

    private void count(String key) {
        tally.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }
}
