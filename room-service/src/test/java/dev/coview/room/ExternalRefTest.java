package dev.coview.room;

import static dev.coview.room.RoomApi.AGENT_KEY;
import static dev.coview.room.RoomApi.PROBLEM_JSON;
import static dev.coview.room.RoomApi.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.coview.contracts.events.CloudEventHeaders;
import dev.coview.contracts.redis.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A room created with an external reference (the CRM record) and metadata, against the real Redis and Kafka of
 * deploy/local: both are stored for every service's publisher ({@code room-ref:{id}}) and every session event of
 * the room carries them as CloudEvents extension attributes, with {@code subject} and {@code dataschema}; the
 * payloads stay valid against the schemas. Bad references and oversized metadata are refused with problem+json.
 */
@QuarkusTest
class ExternalRefTest {

    private static final Map<String, String> CASE = Map.of("system", "salesforce", "type", "Case",
            "id", "5003000000D8cuIAAR");

    @Inject
    RedisDataSource redis;

    @Test
    void everyEventOfTheRoomCarriesItsExternalRefAndMetadata() {
        try (SessionEvents events = new SessionEvents()) {
            JsonPath created = create(Map.of("name", "Agent Smith", "externalRef", CASE,
                    "metadata", Map.of("queue", "billing", "priority", "high")))
                    .then().statusCode(201).extract().jsonPath();
            String roomId = created.getString("roomId");
            assertThat(redis.hash(String.class).hgetall(RedisKeys.roomRef(roomId)))
                    .containsEntry("system", "salesforce").containsEntry("id", "5003000000D8cuIAAR");

            RoomApi.join(RoomApi.newClient(), Map.of("code", created.getString("joinCode"), "name", "Carla"))
                    .then().statusCode(200);
            as(created.getString("token")).delete("/api/rooms/" + roomId).then().statusCode(204);

            List<SessionEvents.Event> published = events.awaitRoom(roomId, 4);
            assertThat(published).extracting(SessionEvents.Event::type).containsExactly("dev.coview.room.created",
                    "dev.coview.participant.joined", "dev.coview.participant.joined", "dev.coview.room.ended");
            for (SessionEvents.Event e : published) {
                e.assertMatchesSchema();
                assertThat(e.headers())
                        .containsEntry(CloudEventHeaders.SUBJECT, roomId)
                        .containsEntry(CloudEventHeaders.DATA_SCHEMA, "https://coview.dev/schemas/events/"
                                + e.type().substring("dev.coview.".length()) + ".json")
                        .containsEntry(CloudEventHeaders.EXTERNAL_REF_SYSTEM, "salesforce")
                        .containsEntry(CloudEventHeaders.EXTERNAL_REF_TYPE, "Case")
                        .containsEntry(CloudEventHeaders.EXTERNAL_REF_ID, "5003000000D8cuIAAR")
                        .containsEntry(CloudEventHeaders.ROOM_METADATA, "{\"priority\":\"high\",\"queue\":\"billing\"}");
            }
        }
    }

    @Test
    void aRoomWithoutLabelsHasNoLabelAttributes() {
        try (SessionEvents events = new SessionEvents()) {
            String roomId = RoomApi.createRoom().jsonPath().getString("roomId");
            for (SessionEvents.Event e : events.awaitRoom(roomId, 2)) {
                assertThat(e.headers()).containsEntry(CloudEventHeaders.SUBJECT, roomId)
                        .doesNotContainKeys(CloudEventHeaders.EXTERNAL_REF_ID, CloudEventHeaders.ROOM_METADATA);
            }
            assertThat(redis.key().exists(RedisKeys.roomRef(roomId))).isFalse();
        }
    }

    @Test
    void badReferencesAndMetadataAreRefusedWithProblemJson() {
        Map<String, Object> spaceInId = Map.of("externalRef", Map.of("system", "salesforce", "type", "Case",
                "id", "500 30"));
        Map<String, Object> noType = Map.of("externalRef", Map.of("system", "salesforce", "id", "500"));
        Map<String, Object> longId = Map.of("externalRef", Map.of("system", "s", "type", "t", "id", "a".repeat(129)));
        Map<String, String> tooMany = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            tooMany.put("k" + i, "v");
        }
        Map<String, Object> tooManyEntries = Map.of("metadata", tooMany);
        Map<String, Object> controlChar = Map.of("metadata", Map.of("note", "line\nbreak"));
        Map<String, Object> longValue = Map.of("metadata", Map.of("note", "x".repeat(201)));
        Map<String, Object> badKey = Map.of("metadata", Map.of("no spaces", "v"));
        for (Map<String, Object> body : List.of(spaceInId, noType, longId, tooManyEntries, controlChar, longValue,
                badKey)) {
            create(body).then().statusCode(400).contentType(PROBLEM_JSON).body("status", equalTo(400));
        }
    }

    private static io.restassured.response.Response create(Map<String, ?> body) {
        return given().header("X-CoView-Agent-Key", AGENT_KEY).contentType(ContentType.JSON).body(body)
                .post("/api/rooms");
    }
}
