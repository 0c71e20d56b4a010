package dev.coview.room;

import static dev.coview.room.RoomApi.PROBLEM_JSON;
import static dev.coview.room.RoomApi.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.coview.room.rooms.RoomServiceKeys;
import dev.coview.support.auth.ParticipantRemovals;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rejoin (same participant after a reload, never a second use of the join code) and the agent's way back to their
 * live rooms, against the running test instance with the real Redis of deploy/local.
 */
@QuarkusTest
class RejoinTest {

    @Inject
    RedisDataSource redis;

    @Inject
    ParticipantRemovals removals;

    private static Response rejoin(String credential) {
        return given().contentType(ContentType.JSON).body(Map.of("credential", credential)).post("/api/rooms/rejoin");
    }

    @Test
    void aCustomerComesBackAsTheSameParticipantWithoutTheCodeAndEachCredentialWorksOnce() {
        JsonPath room = RoomApi.createRoom().jsonPath();
        String code = room.getString("joinCode");
        JsonPath joined = RoomApi.join(RoomApi.newClient(), Map.of("code", code)).then().statusCode(200)
                .extract().jsonPath();
        String first = joined.getString("rejoinCredential");
        assertThat(first).matches("[A-Za-z0-9_-]{43}");
        // Redis keeps only the credential's hash: a copy of Redis cannot be replayed.
        assertThat(redis.key().keys(RoomServiceKeys.REJOIN + "*")).doesNotContain(RoomServiceKeys.rejoin(first));

        JsonPath back = rejoin(first).then().statusCode(200).extract().jsonPath();
        assertThat(back.getString("participantId")).isEqualTo(joined.getString("participantId"));
        assertThat(back.getString("roomId")).isEqualTo(room.getString("roomId"));
        assertThat(back.getString("role")).isEqualTo("customer");
        assertThat(back.getString("rejoinCredential")).isNotEqualTo(first);
        as(back.getString("token")).get("/api/rooms/" + room.getString("roomId")).then().statusCode(200);

        // Spent: a second use (a stolen copy racing the device) is refused, and the code stays spent.
        rejoin(first).then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://coview.dev/problems/rejoin-refused"));
        RoomApi.join(RoomApi.newClient(), Map.of("code", code)).then().statusCode(404);
        // The rotated one works.
        rejoin(back.getString("rejoinCredential")).then().statusCode(200)
                .body("participantId", equalTo(joined.getString("participantId")));
    }

    @Test
    void anEndedRoomOrARemovedParticipantCannotRejoin() {
        JsonPath room = RoomApi.createRoom().jsonPath();
        String roomId = room.getString("roomId");
        JsonPath customer = RoomApi.join(RoomApi.newClient(), Map.of("code", room.getString("joinCode")))
                .then().statusCode(200).extract().jsonPath();
        JsonPath observer = as(room.getString("token")).post("/api/rooms/" + roomId + "/observers")
                .then().statusCode(201).extract().jsonPath();

        removals.markRemoved(roomId, observer.getString("participantId"), Duration.ofMinutes(5)).await().indefinitely();
        rejoin(observer.getString("rejoinCredential")).then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://coview.dev/problems/participant-removed"));

        as(room.getString("token")).delete("/api/rooms/" + roomId).then().statusCode(204);
        rejoin(customer.getString("rejoinCredential")).then().statusCode(410).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://coview.dev/problems/room-ended"));
        rejoin("not-a-credential").then().statusCode(400);
    }

    @Test
    void theAgentListsTheirLiveRoomsAndGetsBackIntoOneAsTheSameParticipant() {
        JsonPath older = RoomApi.createRoom().jsonPath();
        JsonPath newer = RoomApi.createRoom().jsonPath();
        JsonPath ended = RoomApi.createRoom().jsonPath();
        as(ended.getString("token")).delete("/api/rooms/" + ended.getString("roomId")).then().statusCode(204);

        List<String> listed = given().header("X-CoView-Agent-Key", RoomApi.AGENT_KEY).get("/api/rooms")
                .then().statusCode(200).extract().jsonPath().getList("roomId");
        assertThat(listed).contains(newer.getString("roomId"), older.getString("roomId"))
                .doesNotContain(ended.getString("roomId"));
        assertThat(listed.indexOf(newer.getString("roomId"))).isLessThan(listed.indexOf(older.getString("roomId")));

        String path = "/api/rooms/" + newer.getString("roomId") + "/agent-token";
        JsonPath token = given().header("X-CoView-Agent-Key", RoomApi.AGENT_KEY).post(path)
                .then().statusCode(200).extract().jsonPath();
        assertThat(token.getString("participantId")).isEqualTo(newer.getString("participantId"));
        assertThat(token.getString("role")).isEqualTo("agent");
        as(token.getString("token")).post("/api/rooms/" + newer.getString("roomId") + "/observers")
                .then().statusCode(201);

        given().get("/api/rooms").then().statusCode(401).contentType(PROBLEM_JSON);
        given().header("X-CoView-Agent-Key", "wrong").post(path).then().statusCode(401);
        given().header("X-CoView-Agent-Key", RoomApi.AGENT_KEY)
                .post("/api/rooms/" + ended.getString("roomId") + "/agent-token").then().statusCode(410);
    }
}
