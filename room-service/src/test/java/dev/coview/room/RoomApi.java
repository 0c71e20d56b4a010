package dev.coview.room;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the tests say to room-service over HTTP (rest-assured against the running test instance). Each test picks its
 * own client address (sent as X-Forwarded-For, which the test profile trusts) so that the join-code guessing limit
 * of one test never spills into another.
 */
public final class RoomApi {

    /** The agent API key of the test profile. */
    public static final String AGENT_KEY = "test-agent-key-0123456789abcdef";
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final AtomicInteger CLIENTS = new AtomicInteger(1);

    private RoomApi() {
    }

    /** A client address no other test uses. */
    public static String newClient() {
        int n = CLIENTS.getAndIncrement();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    /** A room created with the test agent key; the answer's JSON body. */
    public static Response createRoom() {
        return given().header("X-CoView-Agent-Key", AGENT_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "Agent Smith"))
                .post("/api/rooms")
                .then().statusCode(201).extract().response();
    }

    /** {@code POST /api/rooms/join} with {@code body}, from {@code client}; the raw answer. */
    public static Response join(String client, Map<String, ?> body) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body(body)
                .post("/api/rooms/join");
    }

    /** A request carrying a room token. */
    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
