package dev.coview.room;

import static dev.coview.room.RoomApi.PROBLEM_JSON;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Invalid input and unknown paths answer RFC 9457 problem+json (type, title, status, detail, instance), never a
 * stack trace: malformed JSON, missing or wrong fields (Bean Validation), an unknown API path, a wrong method.
 */
@QuarkusTest
class ProblemJsonTest {

    @Test
    void malformedJsonIsA400Problem() {
        given().header("X-Forwarded-For", RoomApi.newClient()).contentType(ContentType.JSON).body("{\"code\": ")
                .post("/api/rooms/join").then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://coview.dev/problems/malformed-json"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/rooms/join"))
                .body(not(containsString("at com.")), not(containsString("Exception")));
        given().header("X-Forwarded-For", RoomApi.newClient()).contentType(ContentType.JSON).body("[1,2]")
                .post("/api/rooms/join").then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://coview.dev/problems/malformed-json"));
        given().header("X-Forwarded-For", RoomApi.newClient()).contentType(ContentType.JSON)
                .body("{\"code\": {\"nested\": true}}")
                .post("/api/rooms/join").then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://coview.dev/problems/malformed-json"))
                .body("detail", containsString("code"));
    }

    @Test
    void missingAndInvalidFieldsAreA400ProblemNamingTheField() {
        RoomApi.join(RoomApi.newClient(), Map.of()).then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://coview.dev/problems/invalid-request"))
                .body("errors.field", hasItem("codeOrInvite"));
        given().header("X-Forwarded-For", RoomApi.newClient()).contentType(ContentType.JSON)
                .post("/api/rooms/join").then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://coview.dev/problems/invalid-request"));
        RoomApi.join(RoomApi.newClient(), Map.of("code", "12ab")).then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("code"))
                .body("errors.message", hasItem("must be 6 digits"));
        RoomApi.join(RoomApi.newClient(), Map.of("code", "123456", "invite", "AAAAAAAAAAAAAAAAAAAAAA")).then()
                .statusCode(400).body("errors.field", hasItem("codeOrInvite"));
        given().header("X-CoView-Agent-Key", RoomApi.AGENT_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "x".repeat(81))).post("/api/rooms").then()
                .statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("name"));
        RoomApi.as("whatever").get("/api/rooms/not-a-room-id").then()
                .statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        given().get("/api/nothing-here").then()
                .statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://coview.dev/problems/not-found"));
        given().put("/api/rooms").then()
                .statusCode(405).contentType(PROBLEM_JSON)
                .body("title", equalTo("Method Not Allowed"));
        given().header("X-CoView-Agent-Key", RoomApi.AGENT_KEY).contentType(ContentType.XML).body("<room/>")
                .post("/api/rooms").then()
                .statusCode(415).contentType(PROBLEM_JSON);
    }
}
