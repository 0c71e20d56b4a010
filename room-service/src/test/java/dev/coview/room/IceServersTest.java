package dev.coview.room;

import static dev.coview.room.RoomApi.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/ice-servers} with the test profile's STUN and TURN settings: the TURN entry's credential names the
 * participant and an expiry 20 minutes ahead (the default TTL, shorter than the token), and its password is what a
 * TURN server with the shared secret computes (recomputed here with {@code javax.crypto}); a room created relay-only
 * hands out {@code iceTransportPolicy: relay}. Real Redis (the room, its setting and its ended marker).
 */
@QuarkusTest
class IceServersTest {

    private static final String SECRET = "test-turn-secret";

    @Test
    void aParticipantGetsStunAndATurnCredentialOfTheirOwn() throws Exception {
        JsonPath room = RoomApi.createRoom().jsonPath();
        String participantId = room.getString("participantId");
        JsonPath ice = as(room.getString("token")).get("/api/ice-servers").then().statusCode(200)
                .body("iceServers[0].urls", equalTo(List.of("stun:stun.test.invalid:3478")))
                .body("iceServers[0].username", equalTo(null))
                .body("iceServers[1].urls[0]", equalTo("turn:turn.test.invalid:3478?transport=udp"))
                .body("iceServers[1].urls[1]", equalTo("turns:turn.test.invalid:5349"))
                .body("iceTransportPolicy", equalTo("all"))
                .extract().jsonPath();

        String username = ice.getString("iceServers[1].username");
        String[] parts = username.split(":");
        assertThat(parts[1]).isEqualTo(participantId);
        long expiry = Long.parseLong(parts[0]);
        assertThat(expiry).isBetween(Instant.now().plusSeconds(1100).getEpochSecond(),
                Instant.now().plusSeconds(1300).getEpochSecond());
        assertThat(Instant.parse(ice.getString("expiresAt")).getEpochSecond()).isEqualTo(expiry);

        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        assertThat(ice.getString("iceServers[1].credential")).isEqualTo(expected);
    }

    @Test
    void aRelayOnlyRoomTellsEveryParticipantToUseTheRelayOnly() {
        JsonPath room = given().header("X-CoView-Agent-Key", RoomApi.AGENT_KEY).contentType(ContentType.JSON)
                .body(Map.of("relayOnly", true)).post("/api/rooms")
                .then().statusCode(201).extract().jsonPath();
        as(room.getString("token")).get("/api/ice-servers").then().statusCode(200)
                .body("iceTransportPolicy", equalTo("relay"))
                .body("iceServers[1].username", notNullValue());
        String customerToken = RoomApi.join(RoomApi.newClient(), Map.of("code", room.getString("joinCode")))
                .then().statusCode(200).extract().jsonPath().getString("token");
        as(customerToken).get("/api/ice-servers").then().statusCode(200).body("iceTransportPolicy", equalTo("relay"));
    }

    @Test
    void iceServersNeedARoomToken() {
        given().get("/api/ice-servers").then().statusCode(401).contentType(RoomApi.PROBLEM_JSON);
    }
}
