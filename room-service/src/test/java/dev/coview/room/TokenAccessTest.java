package dev.coview.room;

import static dev.coview.room.RoomApi.PROBLEM_JSON;
import static dev.coview.room.RoomApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.coview.contracts.auth.Role;
import dev.coview.local.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, with tokens verified by smallrye-jwt against the test key pair of deploy/local: no token,
 * a forged or expired one → 401; a token of room A on room B → 403; the right room without the grant → 403.
 * Every refusal is problem+json.
 */
@QuarkusTest
class TokenAccessTest {

    @Test
    void aTokenOfRoomAIsRefusedOnRoomB() {
        JsonPath a = RoomApi.createRoom().jsonPath();
        JsonPath b = RoomApi.createRoom().jsonPath();
        String roomB = b.getString("roomId");
        as(a.getString("token")).get("/api/rooms/" + roomB).then()
                .statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://coview.dev/problems/wrong-room"));
        as(a.getString("token")).delete("/api/rooms/" + roomB).then().statusCode(403);
        as(a.getString("token")).post("/api/rooms/" + roomB + "/observers").then().statusCode(403);
        // Room B is untouched.
        as(b.getString("token")).get("/api/rooms/" + roomB).then().statusCode(200);
    }

    @Test
    void missingForgedAndExpiredTokensAreUnauthorized() {
        String roomId = RoomApi.createRoom().jsonPath().getString("roomId");
        given().get("/api/rooms/" + roomId).then()
                .statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://coview.dev/problems/unauthorized"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/rooms/" + roomId).then().statusCode(401);
        as("not.a.jwt").get("/api/rooms/" + roomId).then().statusCode(401).contentType(PROBLEM_JSON);
        as(TestTokens.forged(roomId, TestTokens.randomId(), Role.AGENT)).get("/api/rooms/" + roomId).then()
                .statusCode(401).contentType(PROBLEM_JSON)
                .body("detail", equalTo("the token is invalid or has expired"));
        String expired = TestTokens.token(roomId, TestTokens.randomId(), Role.AGENT, Role.AGENT.defaultGrants(),
                Duration.ofMinutes(-5));
        as(expired).delete("/api/rooms/" + roomId).then().statusCode(401).contentType(PROBLEM_JSON);
        as(expired).get("/api/ice-servers").then().statusCode(401);
    }

    @Test
    void aCustomerCannotEndTheRoomOrAddObservers() {
        JsonPath room = RoomApi.createRoom().jsonPath();
        String roomId = room.getString("roomId");
        String customer = RoomApi.join(RoomApi.newClient(), java.util.Map.of("code", room.getString("joinCode")))
                .then().statusCode(200).extract().path("token");
        as(customer).delete("/api/rooms/" + roomId).then().statusCode(403).contentType(PROBLEM_JSON);
        as(customer).post("/api/rooms/" + roomId + "/observers").then().statusCode(403);
        as(customer).get("/api/rooms/" + roomId).then().statusCode(200);
    }
}
