package dev.coview.reliability.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.local.servers.ServiceInstance;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP to the services under test (the JDK client: no framework between the suite and the wire, so a
 * malformed request reaches the service as written). Also room-service's API for the tests that need real rooms
 * and tokens: every token it answers is registered with {@link Secrets}.
 */
public final class Http {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** One request; {@code body} null for none. */
    public static HttpResponse<String> send(String method, String url, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The status of the instance's readiness ({@link ServiceInstance#readinessUrl()}), or -1 (no answer). */
    public static int ready(ServiceInstance service, Duration timeout) {
        return status(service.readinessUrl(), timeout);
    }

    /** The status of the instance's liveness (on its management port), or -1 when nothing answered in time. */
    public static int live(ServiceInstance service, Duration timeout) {
        return status(service.managementUrl() + ServiceInstance.LIVENESS_PATH, timeout);
    }

    /** The status of {@code GET url}, or -1 when nothing answered within {@code timeout}. */
    public static int status(String url, Duration timeout) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** A room created with the agent key: {@code roomId, participantId, joinCode, inviteUrl, token, …}. */
    public static JsonNode createRoom() {
        HttpResponse<String> r = send("POST", rooms() + "/api/rooms", "{\"name\":\"Reliability agent\"}",
                Map.of("X-CoView-Agent-Key", Stack.get().agentKey(), "Content-Type", "application/json"));
        assertThat(r.statusCode()).as("create room: %s", r.body()).isEqualTo(201);
        JsonNode room = json(r);
        Secrets.register(room.get("token").asText());
        return room;
    }

    /** Joins {@code room} as its customer with the join code: {@code participantId, token, …}. */
    public static JsonNode joinAsCustomer(JsonNode room) {
        HttpResponse<String> r = send("POST", rooms() + "/api/rooms/join",
                "{\"code\":\"" + room.get("joinCode").asText() + "\",\"name\":\"Reliability customer\"}",
                Map.of("Content-Type", "application/json"));
        assertThat(r.statusCode()).as("join: %s", r.body()).isEqualTo(200);
        JsonNode token = json(r);
        Secrets.register(token.get("token").asText());
        return token;
    }

    /** An observer token of {@code room}, asked for by its agent. */
    public static JsonNode addObserver(JsonNode room) {
        HttpResponse<String> r = send("POST", rooms() + "/api/rooms/" + room.get("roomId").asText() + "/observers",
                "{\"name\":\"Reliability observer\"}", Map.of("Content-Type", "application/json",
                        "Authorization", "Bearer " + room.get("token").asText()));
        assertThat(r.statusCode()).as("observer: %s", r.body()).isEqualTo(201);
        JsonNode token = json(r);
        Secrets.register(token.get("token").asText());
        return token;
    }

    /**
     * Headers of {@code room}'s agent for starting a recording, after writing the customer's consent into Redis as
     * annotation-service does when the customer accepts (room-service refuses a recording without it).
     */
    public static Map<String, String> agentWithConsent(JsonNode room) {
        RedisCli.command(Stack.get().local().redis().port(), "SET",
                "recording-consent:" + room.get("roomId").asText(), "reliability-" + System.nanoTime(), "PX", "600000");
        return Map.of("Authorization", "Bearer " + room.get("token").asText());
    }

    /** Ends {@code room} with its agent token. */
    public static void endRoom(JsonNode room) {
        HttpResponse<String> r = send("DELETE", rooms() + "/api/rooms/" + room.get("roomId").asText(), null,
                Map.of("Authorization", "Bearer " + room.get("token").asText()));
        assertThat(r.statusCode()).as("end room: %s", r.body()).isEqualTo(204);
    }

    private static String rooms() {
        return Stack.get().rooms().baseUrl();
    }
}
