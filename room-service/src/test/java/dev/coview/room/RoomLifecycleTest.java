package dev.coview.room;

import static dev.coview.room.RoomApi.PROBLEM_JSON;
import static dev.coview.room.RoomApi.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.redis.RedisKeys;
import dev.coview.room.rooms.RoomServiceKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A room from creation to end through the REST API, against the real Redis and Kafka of deploy/local: the agent
 * creates it, the customer joins with the code, the agent adds an observer, everyone reads it, the agent ends it;
 * then every token of the room is refused with problem+json, the ended marker is in Redis, and the session events
 * come back from Kafka with their CloudEvents headers, the room id as key and a payload valid against its schema in
 * contracts.
 */
@QuarkusTest
class RoomLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RedisDataSource redis;

    @Test
    void aRoomLivesFromCreationToEndAndPublishesItsEvents() throws Exception {
        try (SessionEvents events = new SessionEvents()) {
            JsonPath created = RoomApi.createRoom().jsonPath();
            String roomId = created.getString("roomId");
            String agentToken = created.getString("token");
            String agentId = created.getString("participantId");
            String code = created.getString("joinCode");
            assertThat(roomId).matches("[A-Za-z0-9_-]{22}");
            assertThat(code).matches("\\d{6}");
            assertThat(created.getString("inviteUrl")).matches("http://localhost:8080/join/#invite=[A-Za-z0-9_-]{22}");
            assertThat(Instant.parse(created.getString("expiresAt"))).isAfter(Instant.now().plusSeconds(3600));
            assertThat(redis.value(String.class).get(RoomServiceKeys.joinCode(code))).isEqualTo(roomId);

            // The agent sees the room waiting, with its code.
            as(agentToken).get("/api/rooms/" + roomId).then().statusCode(200)
                    .body("state", equalTo("waiting"))
                    .body("joinCode", equalTo(code))
                    .body("participants.role", contains("agent"))
                    .body("participants[0].name", equalTo("Agent Smith"));

            JsonPath joined = RoomApi.join(RoomApi.newClient(), Map.of("code", code, "name", "Carla"))
                    .then().statusCode(200).contentType(ContentType.JSON)
                    .body("roomId", equalTo(roomId))
                    .body("role", equalTo("customer"))
                    .extract().jsonPath();
            String customerToken = joined.getString("token");
            String customerId = joined.getString("participantId");

            JsonPath observer = as(agentToken).contentType(ContentType.JSON).body(Map.of("name", "Supervisor"))
                    .post("/api/rooms/" + roomId + "/observers")
                    .then().statusCode(201).body("role", equalTo("observer")).extract().jsonPath();
            String observerToken = observer.getString("token");

            // Every participant reads the same room; the code is spent and no longer shown.
            for (String token : List.of(agentToken, customerToken, observerToken)) {
                as(token).get("/api/rooms/" + roomId).then().statusCode(200)
                        .body("state", equalTo("active"))
                        .body("joinCode", nullValue())
                        .body("participants.role", contains("agent", "customer", "observer"))
                        .body("participants.name", contains("Agent Smith", "Carla", "Supervisor"));
            }
            as(customerToken).get("/api/ice-servers").then().statusCode(200).body("iceServers", hasSize(2));

            // Only the agent may end it.
            as(customerToken).delete("/api/rooms/" + roomId).then().statusCode(403).contentType(PROBLEM_JSON)
                    .body("type", equalTo("https://coview.dev/problems/forbidden"));
            as(agentToken).delete("/api/rooms/" + roomId).then().statusCode(204);

            // The marker keeps why: signaling's close tells the pages.
            assertThat(redis.value(String.class).get(RedisKeys.roomEnded(roomId))).isEqualTo("agent");
            for (String token : List.of(agentToken, customerToken, observerToken)) {
                as(token).get("/api/rooms/" + roomId).then().statusCode(410).contentType(PROBLEM_JSON)
                        .body("type", equalTo("https://coview.dev/problems/room-ended"))
                        .body("status", equalTo(410))
                        .body("instance", equalTo("/api/rooms/" + roomId))
                        .body("detail", notNullValue());
                as(token).get("/api/ice-servers").then().statusCode(410).contentType(PROBLEM_JSON);
            }
            as(agentToken).delete("/api/rooms/" + roomId).then().statusCode(410).contentType(PROBLEM_JSON);
            as(agentToken).post("/api/rooms/" + roomId + "/observers").then().statusCode(410);

            // The session events, in order, keyed by the room, as CloudEvents 1.0 binary mode.
            List<SessionEvents.Event> published = events.awaitRoom(roomId, 5);
            assertThat(published).extracting(SessionEvents.Event::type).containsExactly(
                    "dev.coview.room.created", "dev.coview.participant.joined", "dev.coview.participant.joined",
                    "dev.coview.participant.joined", "dev.coview.room.ended");
            for (SessionEvents.Event e : published) {
                e.assertMatchesSchema();
                assertThat(e.key()).isEqualTo(roomId);
                assertThat(e.headers()).containsEntry("ce_specversion", "1.0")
                        .containsEntry("ce_source", "/rooms/" + roomId)
                        .containsEntry("content-type", "application/json")
                        .containsKeys("ce_id", "ce_time");
                assertThat(Instant.parse(e.headers().get("ce_time"))).isBefore(Instant.now().plusSeconds(1));
            }
            assertThat(published).extracting(e -> e.headers().get("ce_id")).doesNotHaveDuplicates();

            JsonNode roomCreated = JSON.readTree(published.get(0).value());
            assertThat(roomCreated.get("roomId").asText()).isEqualTo(roomId);
            assertThat(roomCreated.get("agentId").asText()).isEqualTo(agentId);
            assertThat(roomCreated.get("createdBy").asText()).isEqualTo("api-key:default");
            assertThat(roomCreated.get("agent").get("method").asText()).isEqualTo("api-key");
            assertThat(roomCreated.get("agent").get("subject").asText()).isEqualTo("default");
            JsonNode customerJoined = JSON.readTree(published.get(2).value());
            assertThat(customerJoined.get("participantId").asText()).isEqualTo(customerId);
            assertThat(customerJoined.get("role").asText()).isEqualTo("customer");
            assertThat(customerJoined.get("via").asText()).isEqualTo("code");
            assertThat(customerJoined.get("name").asText()).isEqualTo("Carla");
            assertThat(JSON.readTree(published.get(3).value()).get("role").asText()).isEqualTo("observer");
            JsonNode ended = JSON.readTree(published.get(4).value());
            assertThat(ended.get("endedBy").asText()).isEqualTo(agentId);
            assertThat(ended.get("reason").asText()).isEqualTo("agent");
            assertThat(Instant.parse(ended.get("endedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        }
    }

    @Test
    void creatingARoomNeedsTheAgentKey() {
        given().contentType(ContentType.JSON).body("{}").post("/api/rooms").then()
                .statusCode(401).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://coview.dev/problems/unauthorized"));
        given().header("X-CoView-Agent-Key", "not-the-key").contentType(ContentType.JSON).body("{}")
                .post("/api/rooms").then()
                .statusCode(401).contentType(PROBLEM_JSON)
                .body("detail", startsWith("the API key is wrong"));
        // A body is optional.
        given().header("X-CoView-Agent-Key", RoomApi.AGENT_KEY).post("/api/rooms").then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/rooms/[A-Za-z0-9_-]{22}"))
                .body("token", notNullValue());
    }

    @Test
    void observersHoldNoGrantsAndCannotActForTheAgent() {
        JsonPath created = RoomApi.createRoom().jsonPath();
        String roomId = created.getString("roomId");
        String observerToken = as(created.getString("token")).post("/api/rooms/" + roomId + "/observers")
                .then().statusCode(201).extract().path("token");
        as(observerToken).post("/api/rooms/" + roomId + "/observers").then().statusCode(403)
                .contentType(PROBLEM_JSON).body("detail", equalTo("this call needs the 'admin' grant"));
        as(observerToken).delete("/api/rooms/" + roomId).then().statusCode(403);
        // An observer does not see the join code; the agent still does.
        as(observerToken).get("/api/rooms/" + roomId).then().statusCode(200).body("joinCode", nullValue())
                .body("participants.role", containsInAnyOrder("agent", "observer"));
    }
}
