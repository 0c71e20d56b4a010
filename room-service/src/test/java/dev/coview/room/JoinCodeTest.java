package dev.coview.room;

import static dev.coview.room.RoomApi.PROBLEM_JSON;
import static dev.coview.room.RoomApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.coview.room.rooms.RoomServiceKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Join codes and invites against the real Redis of deploy/local: wrong, expired and reused codes are refused alike
 * (404 problem+json), an invite spends the code and the other way round, and guessing is cut off with 429 and
 * {@code Retry-After} after five wrong codes per client per minute, for that client only.
 */
@QuarkusTest
class JoinCodeTest {

    @Inject
    RedisDataSource redis;

    @Test
    void aWrongCodeIsRefused() {
        String client = RoomApi.newClient();
        String code = RoomApi.createRoom().jsonPath().getString("joinCode");
        RoomApi.join(client, Map.of("code", wrongCode(code, 0))).then()
                .statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://coview.dev/problems/join-refused"))
                .body("title", equalTo("Unknown, expired or already used join code or invite"));
    }

    @Test
    void aCodeWorksOnceAndItsInviteIsSpentWithIt() {
        JsonPath room = RoomApi.createRoom().jsonPath();
        String code = room.getString("joinCode");
        String invite = inviteOf(room);
        RoomApi.join(RoomApi.newClient(), Map.of("code", code)).then().statusCode(200);

        RoomApi.join(RoomApi.newClient(), Map.of("code", code)).then().statusCode(404).contentType(PROBLEM_JSON);
        RoomApi.join(RoomApi.newClient(), Map.of("invite", invite)).then().statusCode(404).contentType(PROBLEM_JSON);
        assertThat(redis.key().exists(RoomServiceKeys.joinCode(code))).isFalse();
        assertThat(redis.key().exists(RoomServiceKeys.invite(invite))).isFalse();
    }

    @Test
    void anInviteWorksOnceAndSpendsTheCode() {
        JsonPath room = RoomApi.createRoom().jsonPath();
        String roomId = room.getString("roomId");
        String invite = inviteOf(room);
        String token = RoomApi.join(RoomApi.newClient(), Map.of("invite", invite, "name", "Ines")).then()
                .statusCode(200).body("roomId", equalTo(roomId)).extract().path("token");
        as(token).get("/api/rooms/" + roomId).then().statusCode(200).body("participants[1].name", equalTo("Ines"));

        RoomApi.join(RoomApi.newClient(), Map.of("invite", invite)).then().statusCode(404);
        RoomApi.join(RoomApi.newClient(), Map.of("code", room.getString("joinCode"))).then().statusCode(404);
    }

    @Test
    void anExpiredCodeIsRefused() {
        String code = RoomApi.createRoom().jsonPath().getString("joinCode");
        // Let Redis expire the code for real, as it would after 20 minutes.
        redis.key().pexpire(RoomServiceKeys.joinCode(code), 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> !redis.key().exists(RoomServiceKeys.joinCode(code)));
        RoomApi.join(RoomApi.newClient(), Map.of("code", code)).then()
                .statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://coview.dev/problems/join-refused"));
    }

    @Test
    void guessingIsCutOffAfterFiveWrongCodesForThatClientOnly() {
        String guesser = RoomApi.newClient();
        String code = RoomApi.createRoom().jsonPath().getString("joinCode");
        for (int i = 0; i < 5; i++) {
            String wrong = wrongCode(code, i);
            RoomApi.join(guesser, Map.of("code", wrong)).then().statusCode(404);
        }
        Response limited = RoomApi.join(guesser, Map.of("code", code));
        limited.then().statusCode(429).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://coview.dev/problems/too-many-attempts"))
                .body("status", equalTo(429));
        int retryAfter = Integer.parseInt(limited.getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1, 60);
        // The right code was not spent by the refused attempt: another client still gets in with it.
        RoomApi.join(RoomApi.newClient(), Map.of("code", code)).then().statusCode(200);
    }

    @Test
    void wrongInvitesCountAsGuessesToo() {
        String guesser = RoomApi.newClient();
        for (int i = 0; i < 5; i++) {
            RoomApi.join(guesser, Map.of("invite", "AAAAAAAAAAAAAAAAAAAAA" + i)).then().statusCode(404);
        }
        RoomApi.join(guesser, Map.of("invite", "AAAAAAAAAAAAAAAAAAAAA9")).then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    /** A code different from {@code code} that no room holds. */
    private String wrongCode(String code, int i) {
        String wrong;
        int n = Integer.parseInt(code);
        int step = 1;
        do {
            wrong = String.format("%06d", (n + 1000 * (i + 1) + step++) % 1_000_000);
        } while (redis.key().exists(RoomServiceKeys.joinCode(wrong)));
        return wrong;
    }

    private static String inviteOf(JsonPath room) {
        // In the fragment: never sent to a server, so never in an access log.
        URI link = URI.create(room.getString("inviteUrl"));
        assertThat(link.getQuery()).isNull();
        assertThat(link.getFragment()).startsWith("invite=");
        return link.getFragment().substring("invite=".length());
    }
}
