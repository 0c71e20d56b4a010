package dev.coview.room.access;

import static dev.coview.room.RoomApi.PROBLEM_JSON;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.room.RoomApi;
import dev.coview.room.SessionEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Machine clients' API keys: each key has its own identity, recorded as the room's creator; wrong keys are
 * throttled per client address, and only wrong keys are counted (the test profile allows 5 per window).
 * Infrastructure: Redis and Kafka of deploy/local.
 */
@QuarkusTest
class ApiKeysTest {

    private static final String CRM_KEY = "test-crm-key-0123456789abcdef";

    @Test
    void eachKeyCreatesRoomsUnderItsOwnName() throws Exception {
        try (SessionEvents events = new SessionEvents()) {
            String roomId = given().header("X-CoView-Agent-Key", CRM_KEY).header("X-Forwarded-For", RoomApi.newClient())
                    .post("/api/rooms").then().statusCode(201).extract().path("roomId");
            var data = new ObjectMapper().readTree(events.awaitRoom(roomId, 2).get(0).assertMatchesSchema().value());
            assertThat(data.get("createdBy").asText()).isEqualTo("api-key:crm");
            assertThat(data.get("agent").get("subject").asText()).isEqualTo("crm");
            assertThat(data.get("agent").has("email")).isFalse();
        }
    }

    @Test
    void parallelGuessesFromOneClientGetAtMostTheBudgetOfAnswers() {
        String client = RoomApi.newClient();
        List<HttpResponse<String>> answers = createAtOnce(client, i -> "guess-" + i + "-0123456789abcdefghij");
        long wrong = answers.stream().filter(a -> a.statusCode() == 401).count();
        long throttled = answers.stream().filter(a -> a.statusCode() == 429).count();
        System.out.printf("40 parallel wrong keys from one client: %d answered 401, %d answered 429%n", wrong,
                throttled);
        assertThat(wrong).isEqualTo(5);
        assertThat(throttled).isEqualTo(35);
        HttpResponse<String> sample = answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
        assertThat(sample.headers().firstValue("Content-Type").orElse("")).startsWith(PROBLEM_JSON);
        assertThat(Long.parseLong(sample.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(sample.body()).contains("https://coview.dev/problems/too-many-key-attempts");

        // Past the budget even the right key is refused from that client (a guess that hits learns nothing) ...
        given().header("X-CoView-Agent-Key", RoomApi.AGENT_KEY).header("X-Forwarded-For", client)
                .post("/api/rooms").then().statusCode(429).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://coview.dev/problems/too-many-key-attempts"));
        // ... while other clients are not affected.
        given().header("X-CoView-Agent-Key", RoomApi.AGENT_KEY).header("X-Forwarded-For", RoomApi.newClient())
                .contentType(ContentType.JSON).body(Map.of()).post("/api/rooms").then().statusCode(201);
    }

    @Test
    void rightKeysDoNotUseUpTheBudget() {
        String client = RoomApi.newClient();
        for (int i = 0; i < 8; i++) {
            given().header("X-CoView-Agent-Key", CRM_KEY).header("X-Forwarded-For", client)
                    .post("/api/rooms").then().statusCode(201);
        }
    }

    @Test
    void aBurstOfRightKeysFromOneClientIsNotThrottled() {
        // An integration creating rooms in parallel from one address: with every attempt counted until its key was
        // compared, more than the budget in flight at once were told "too many wrong API keys".
        List<Integer> statuses = createAtOnce(RoomApi.newClient(), i -> CRM_KEY).stream()
                .map(HttpResponse::statusCode).toList();
        assertThat(statuses).hasSize(40).containsOnly(201);
    }

    /** 40 room creates sent at once from {@code client}, the i-th with the API key {@code key(i)}. */
    private static List<HttpResponse<String>> createAtOnce(String client, IntFunction<String> key) {
        HttpClient http = HttpClient.newHttpClient();
        URI rooms = URI.create("http://localhost:" + RestAssured.port + "/api/rooms");
        List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, 40)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(rooms).header("X-Forwarded-For", client)
                        .header("X-CoView-Agent-Key", key.apply(i)).POST(HttpRequest.BodyPublishers.noBody())
                        .build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        return sent.stream().map(CompletableFuture::join).toList();
    }
}
