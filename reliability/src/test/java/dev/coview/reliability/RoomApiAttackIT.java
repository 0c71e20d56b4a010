package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Claims;
import dev.coview.contracts.auth.Role;
import dev.coview.reliability.testing.Http;
import dev.coview.reliability.testing.Leaks;
import dev.coview.reliability.testing.Outcomes;
import dev.coview.reliability.testing.Secrets;
import dev.coview.reliability.testing.Stack;
import dev.coview.reliability.testing.Tokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Bad input and token attacks on every REST endpoint of the packaged room-service: each gets the documented status
 * as RFC 9457 problem+json without a stack trace or a secret; a second room is readable by its agent between the
 * attacks; the service is ready afterwards.
 */
@Order(6)
class RoomApiAttackIT {

    private record Attack(String name, String method, String path, Map<String, String> headers, String body,
                          int expected) {
    }

    @Test
    void everyEndpointRefusesBadInputAndForeignTokensWithTheDocumentedProblem() {
        Stack stack = Stack.get();
        String base = stack.rooms().baseUrl();
        JsonNode healthy = Http.createRoom();
        JsonNode room = Http.createRoom();
        String roomId = room.get("roomId").asText();
        String agent = "Bearer " + room.get("token").asText();
        JsonNode other = Http.createRoom();
        String otherAgent = "Bearer " + other.get("token").asText();
        String customer = "Bearer " + Http.joinAsCustomer(room).get("token").asText();
        JsonNode ended = Http.createRoom();
        Http.endRoom(ended);
        String endedAgent = "Bearer " + ended.get("token").asText();
        String json = "application/json";
        String key = stack.agentKey();
        String bigName = "{\"name\":\"" + "x".repeat(1 << 20) + "\"}";

        List<Attack> attacks = new ArrayList<>(List.of(
                // POST /api/rooms
                new Attack("create: no agent key", "POST", "/api/rooms", Map.of("Content-Type", json), "{}", 401),
                new Attack("create: wrong agent key", "POST", "/api/rooms",
                        Map.of("Content-Type", json, "X-CoView-Agent-Key", key + "x"), "{}", 401),
                new Attack("create: agent token instead of key", "POST", "/api/rooms",
                        Map.of("Content-Type", json, "Authorization", agent), "{}", 401),
                new Attack("create: malformed JSON", "POST", "/api/rooms",
                        Map.of("Content-Type", json, "X-CoView-Agent-Key", key), "{\"name\":", 400),
                new Attack("create: wrong type", "POST", "/api/rooms",
                        Map.of("Content-Type", json, "X-CoView-Agent-Key", key), "{\"name\":{\"a\":1}}", 400),
                new Attack("create: NaN", "POST", "/api/rooms",
                        Map.of("Content-Type", json, "X-CoView-Agent-Key", key), "{\"name\":NaN}", 400),
                new Attack("create: a JSON array", "POST", "/api/rooms",
                        Map.of("Content-Type", json, "X-CoView-Agent-Key", key), "[1,2]", 400),
                new Attack("create: name over 80", "POST", "/api/rooms",
                        Map.of("Content-Type", json, "X-CoView-Agent-Key", key), "{\"name\":\"" + "n".repeat(81)
                        + "\"}", 400),
                new Attack("create: 1 MiB body", "POST", "/api/rooms",
                        Map.of("Content-Type", json, "X-CoView-Agent-Key", key), bigName, 400),
                new Attack("create: text/plain body", "POST", "/api/rooms",
                        Map.of("Content-Type", "text/plain", "X-CoView-Agent-Key", key), "hello", 415),
                new Attack("create: PUT", "PUT", "/api/rooms",
                        Map.of("Content-Type", json, "X-CoView-Agent-Key", key), "{}", 405),
                // POST /api/rooms/join
                new Attack("join: empty object", "POST", "/api/rooms/join", Map.of("Content-Type", json), "{}", 400),
                new Attack("join: no body", "POST", "/api/rooms/join", Map.of("Content-Type", json), null, 400),
                new Attack("join: malformed JSON", "POST", "/api/rooms/join", Map.of("Content-Type", json),
                        "{\"code\":\"12", 400),
                new Attack("join: 5 digits", "POST", "/api/rooms/join", Map.of("Content-Type", json),
                        "{\"code\":\"12345\"}", 400),
                new Attack("join: huge number", "POST", "/api/rooms/join", Map.of("Content-Type", json),
                        "{\"code\":123456789012345678901234567890}", 400),
                new Attack("join: 1e400", "POST", "/api/rooms/join", Map.of("Content-Type", json),
                        "{\"code\":1e400}", 400),
                new Attack("join: code and invite", "POST", "/api/rooms/join", Map.of("Content-Type", json),
                        "{\"code\":\"123456\",\"invite\":\"" + Tokens.randomId() + "\"}", 400),
                new Attack("join: path traversal invite", "POST", "/api/rooms/join", Map.of("Content-Type", json),
                        "{\"invite\":\"../../../../../etc/passwd\"}", 400),
                new Attack("join: 1 MiB body", "POST", "/api/rooms/join", Map.of("Content-Type", json),
                        "{\"code\":\"123456\",\"name\":\"" + "x".repeat(1 << 20) + "\"}", 400),
                new Attack("join: used code", "POST", "/api/rooms/join", Map.of("Content-Type", json),
                        "{\"code\":\"" + room.get("joinCode").asText() + "\"}", 404),
                // POST /api/rooms/{id}/observers
                new Attack("observers: no token", "POST", "/api/rooms/" + roomId + "/observers",
                        Map.of("Content-Type", json), "{}", 401),
                new Attack("observers: customer token", "POST", "/api/rooms/" + roomId + "/observers",
                        Map.of("Content-Type", json, "Authorization", customer), "{}", 403),
                new Attack("observers: other room's agent", "POST", "/api/rooms/" + roomId + "/observers",
                        Map.of("Content-Type", json, "Authorization", otherAgent), "{}", 403),
                new Attack("observers: ended room", "POST", "/api/rooms/" + ended.get("roomId").asText()
                        + "/observers", Map.of("Content-Type", json, "Authorization", endedAgent), "{}", 410),
                new Attack("observers: path traversal id", "POST", "/api/rooms/..%2F..%2F" + roomId + "/observers",
                        Map.of("Content-Type", json, "Authorization", agent), "{}", 400),
                new Attack("observers: name wrong type", "POST", "/api/rooms/" + roomId + "/observers",
                        Map.of("Content-Type", json, "Authorization", agent), "{\"name\":[1]}", 400),
                // GET and DELETE /api/rooms/{id}
                new Attack("read: no token", "GET", "/api/rooms/" + roomId, Map.of(), null, 401),
                new Attack("read: not a bearer", "GET", "/api/rooms/" + roomId,
                        Map.of("Authorization", "Basic YWRtaW46YWRtaW4="), null, 401),
                new Attack("read: garbage token", "GET", "/api/rooms/" + roomId,
                        Map.of("Authorization", "Bearer not.a.jwt"), null, 401),
                new Attack("read: expired token", "GET", "/api/rooms/" + roomId, Map.of("Authorization",
                        "Bearer " + Tokens.expired(roomId, Tokens.randomId(), Role.AGENT)), null, 401),
                new Attack("read: forged token", "GET", "/api/rooms/" + roomId, Map.of("Authorization",
                        "Bearer " + Tokens.forged(roomId, Tokens.randomId(), Role.AGENT)), null, 401),
                new Attack("read: alg=none token", "GET", "/api/rooms/" + roomId, Map.of("Authorization",
                        "Bearer " + Tokens.algNone(roomId, Tokens.randomId(), Role.AGENT)), null, 401),
                new Attack("read: other issuer", "GET", "/api/rooms/" + roomId, Map.of("Authorization",
                        "Bearer " + Tokens.otherIssuer(roomId, Tokens.randomId(), Role.AGENT)), null, 401),
                new Attack("read: no audience", "GET", "/api/rooms/" + roomId, Map.of("Authorization",
                        "Bearer " + Tokens.forAudiences(roomId, Tokens.randomId(), Role.AGENT, Set.of())), null, 401),
                new Attack("read: annotation-service's audience only", "GET", "/api/rooms/" + roomId,
                        Map.of("Authorization", "Bearer " + Tokens.forAudiences(roomId, Tokens.randomId(), Role.AGENT,
                                Set.of(Claims.AUDIENCE_ANNOTATION))), null, 401),
                new Attack("read: other room's token", "GET", "/api/rooms/" + roomId,
                        Map.of("Authorization", otherAgent), null, 403),
                new Attack("read: ended room", "GET", "/api/rooms/" + ended.get("roomId").asText(),
                        Map.of("Authorization", endedAgent), null, 410),
                new Attack("read: path traversal id", "GET", "/api/rooms/%2e%2e%2f%2e%2e%2fq%2fhealth",
                        Map.of("Authorization", agent), null, 400),
                new Attack("read: id too long", "GET", "/api/rooms/" + roomId + "A",
                        Map.of("Authorization", agent), null, 400),
                new Attack("end: customer token", "DELETE", "/api/rooms/" + roomId,
                        Map.of("Authorization", customer), null, 403),
                new Attack("end: other room's agent", "DELETE", "/api/rooms/" + roomId,
                        Map.of("Authorization", otherAgent), null, 403),
                // GET /api/ice-servers
                new Attack("ice: no token", "GET", "/api/ice-servers", Map.of(), null, 401),
                new Attack("ice: forged token", "GET", "/api/ice-servers", Map.of("Authorization",
                        "Bearer " + Tokens.forged(roomId, Tokens.randomId(), Role.CUSTOMER)), null, 401),
                new Attack("ice: ended room", "GET", "/api/ice-servers", Map.of("Authorization", endedAgent),
                        null, 410),
                // Anything else under /api
                new Attack("unknown API path", "GET", "/api/../../etc/passwd", Map.of(), null, 404),
                new Attack("unknown API path, encoded traversal", "GET", "/api/%2e%2e/%2e%2e/etc/passwd", Map.of(),
                        null, 404)));
        Map<String, Integer> observed = new LinkedHashMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Attack a : attacks) {
            HttpResponse<String> r = Http.send(a.method(), base + a.path(), a.body(), a.headers());
            observed.put(a.name(), r.statusCode());
            expected.put(a.name(), a.expected());
            check(a.name(), r, problems);
            readable(healthy);
        }

        // Guessing join codes: the documented limit (5 wrong codes a minute per client), then 429 with Retry-After.
        int wrong = 0;
        HttpResponse<String> last = null;
        while (wrong < 20) {
            last = Http.send("POST", base + "/api/rooms/join", "{\"code\":\"" + String.format("%06d", wrong) + "\"}",
                    Map.of("Content-Type", json));
            check("join flood", last, problems);
            if (last.statusCode() == 429) {
                break;
            }
            wrong++;
        }
        observed.put("join: guessing codes (after " + wrong + " wrong)", last.statusCode());
        expected.put("join: guessing codes (after " + wrong + " wrong)", 429);
        assertThat(last.headers().firstValue("Retry-After")).as("429 says when to retry").isPresent();

        Outcomes.print("Attacks on room-service's REST API", observed);
        assertThat(problems).isEmpty();
        assertThat(observed).containsExactlyEntriesOf(expected);
        readable(healthy);
        assertThat(Http.ready(stack.rooms(), Duration.ofSeconds(10))).isEqualTo(200);
    }

    @Test
    void iceServersCarryTurnCredentialsThatNeverReachTheLogs() {
        JsonNode room = Http.createRoom();
        HttpResponse<String> r = Http.send("GET", Stack.get().rooms().baseUrl() + "/api/ice-servers", null,
                Map.of("Authorization", "Bearer " + room.get("token").asText()));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode servers = Http.json(r).get("iceServers");
        boolean turn = false;
        for (JsonNode s : servers) {
            if (s.hasNonNull("credential")) {
                // Checked by NoSecretsInLogsIT at the end of the run.
                Secrets.register(s.get("credential").asText());
                turn = true;
            }
        }
        assertThat(turn).as("TURN is configured, so a credential is issued").isTrue();
    }

    /** Every refusal is problem+json, and no answer carries a stack trace or a secret. */
    private static void check(String name, HttpResponse<String> r, List<String> problems) {
        if (r.statusCode() >= 500) {
            problems.add(name + ": " + r.statusCode());
        }
        if (r.statusCode() >= 400 && !r.headers().firstValue("Content-Type").orElse("")
                .startsWith(Http.PROBLEM_JSON)) {
            problems.add(name + ": not problem+json but " + r.headers().firstValue("Content-Type"));
        }
        String leak = Leaks.find(r.body());
        if (leak != null) {
            problems.add(name + ": the answer carries " + leak);
        }
    }

    /** The healthy room is still readable by its agent. */
    private static void readable(JsonNode room) {
        HttpResponse<String> r = Http.send("GET", Stack.get().rooms().baseUrl() + "/api/rooms/"
                + room.get("roomId").asText(), null, Map.of("Authorization", "Bearer " + room.get("token").asText()));
        assertThat(r.statusCode()).as("the healthy room is readable: %s", r.body()).isEqualTo(200);
    }
}
