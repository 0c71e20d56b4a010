package dev.coview.room;

import static dev.coview.room.RoomApi.PROBLEM_JSON;
import static dev.coview.room.RoomApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.redis.RedisKeys;
import dev.coview.room.rooms.RoomServiceKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Idle expiry through the real sweep (every second in the test profile) against the real Redis and Kafka: the test
 * moves a room's deadline into the past, as two idle hours would, and waits for {@code room.expired}; the room's
 * tokens are refused from then on. A room with recent activity is left alone; a room at the end of its lifetime
 * ({@code coview.room.max-lifetime}) expires even in use, and activity never moves its deadline past that end.
 */
@QuarkusTest
class RoomExpiryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RedisDataSource redis;

    @Test
    void anIdleRoomExpiresOnceAndItsTokensAreRefused() throws Exception {
        try (SessionEvents events = new SessionEvents()) {
            JsonPath room = RoomApi.createRoom().jsonPath();
            String roomId = room.getString("roomId");
            String token = room.getString("token");
            long past = deadlineIntoThePast(roomId);

            List<SessionEvents.Event> published = events.awaitRoom(roomId, 4);
            assertThat(published).extracting(SessionEvents.Event::type).containsExactly(
                    "dev.coview.room.created", "dev.coview.participant.joined", "dev.coview.room.expired",
                    "dev.coview.room.ended");
            published.forEach(SessionEvents.Event::assertMatchesSchema);
            assertThat(published.get(2).headers()).containsEntry("ce_source", "/rooms/" + roomId);
            JsonNode expired = JSON.readTree(published.get(2).value());
            assertThat(expired.get("roomId").asText()).isEqualTo(roomId);
            assertThat(Instant.parse(expired.get("expiresAt").asText()).toEpochMilli()).isEqualTo(past);
            JsonNode ended = JSON.readTree(published.get(3).value());
            assertThat(ended.get("reason").asText()).isEqualTo("expired");
            // Nobody ended it (reason says so); endedBy is the room's agent, as the previous release requires.
            assertThat(ended.get("endedBy").asText()).isEqualTo(room.getString("participantId"));

            // The marker keeps why: signaling's close tells the pages.
            assertThat(redis.value(String.class).get(RedisKeys.roomEnded(roomId))).isEqualTo("expired");
            assertThat(redis.sortedSet(String.class).zscore(RoomServiceKeys.ROOMS_BY_EXPIRY, roomId)).isEmpty();
            as(token).get("/api/rooms/" + roomId).then().statusCode(410).contentType(PROBLEM_JSON)
                    .body("type", equalTo("https://coview.dev/problems/room-ended"));
            RoomApi.join(RoomApi.newClient(), java.util.Map.of("code", room.getString("joinCode")))
                    .then().statusCode(404);
        }
    }

    @Test
    void aRoomPastItsDeadlineWithParticipantsConnectedOverWebSocketsIsKeptAndItsDeadlineMovesOn() {
        JsonPath room = RoomApi.createRoom().jsonPath();
        String roomId = room.getString("roomId");
        // What signaling-service keeps while it holds a participant of the room (see RedisKeys.ROOM_ACTIVE).
        claimActive(roomId, Instant.now().plusSeconds(60));
        deadlineIntoThePast(roomId);

        // The 1 s sweep claims the room, sees the presence and puts it back with a deadline an idle TTL away.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
                redis.sortedSet(String.class).zscore(RoomServiceKeys.ROOMS_BY_EXPIRY, roomId)
                        .orElse(0) > Instant.now().toEpochMilli());
        assertThat(redis.key().exists(RedisKeys.roomEnded(roomId))).isFalse();
        as(room.getString("token")).get("/api/rooms/" + roomId).then().statusCode(200);
        redis.key().del(RedisKeys.roomActive(roomId));
    }

    @Test
    void aRoomWhoseSignalingInstanceDiedExpiresOnceItsClaimHasLapsed() throws Exception {
        try (SessionEvents events = new SessionEvents()) {
            JsonPath room = RoomApi.createRoom().jsonPath();
            String roomId = room.getString("roomId");
            // The instance that held the room's participants stopped refreshing its claim: the claim lapsed, though
            // the key has not expired yet (a live instance holding someone would have pushed its score on).
            claimActive(roomId, Instant.now().minusSeconds(1));
            deadlineIntoThePast(roomId);

            List<SessionEvents.Event> published = events.awaitRoom(roomId, 4);
            assertThat(published).extracting(SessionEvents.Event::type)
                    .contains("dev.coview.room.expired", "dev.coview.room.ended");
            redis.key().del(RedisKeys.roomActive(roomId));
        }
    }

    /**
     * Moves the room's idle deadline five seconds into the past, as two idle hours would, where the sweep finds it.
     * @return the deadline, in epoch milliseconds
     */
    private long deadlineIntoThePast(String roomId) {
        long past = Instant.now().minusSeconds(5).toEpochMilli();
        redis.hash(String.class).hset(RoomServiceKeys.room(roomId), "expiresAt", Long.toString(past));
        redis.sortedSet(String.class).zadd(RoomServiceKeys.ROOMS_BY_EXPIRY, past, roomId);
        return past;
    }

    /** A signaling instance's claim on the room ({@link RedisKeys#ROOM_ACTIVE}), lapsing at {@code until}. */
    private void claimActive(String roomId, Instant until) {
        redis.sortedSet(String.class).zadd(RedisKeys.roomActive(roomId), until.toEpochMilli(), "instance-a");
    }

    @Test
    void aRoomAtTheEndOfItsLifetimeExpiresEvenWithParticipantsConnected() throws Exception {
        try (SessionEvents events = new SessionEvents()) {
            JsonPath room = RoomApi.createRoom().jsonPath();
            String roomId = room.getString("roomId");
            // Created nine hours ago (the test profile's lifetime is the default 8 h), in use right now.
            long created = Instant.now().minusSeconds(9 * 3600).toEpochMilli();
            claimActive(roomId, Instant.now().plusSeconds(60));
            redis.hash(String.class).hset(RoomServiceKeys.room(roomId), "createdAt", Long.toString(created));
            deadlineIntoThePast(roomId);

            List<SessionEvents.Event> published = events.awaitRoom(roomId, 4);
            assertThat(published).extracting(SessionEvents.Event::type)
                    .contains("dev.coview.room.expired", "dev.coview.room.ended");
            assertThat(redis.value(String.class).get(RedisKeys.roomEnded(roomId))).isEqualTo("expired");
            redis.key().del(RedisKeys.roomActive(roomId));
        }
    }

    @Test
    void activityNeverPushesTheDeadlinePastTheEndOfTheLifetime() {
        JsonPath room = RoomApi.createRoom().jsonPath();
        String roomId = room.getString("roomId");
        // Created 7 h 59 min ago: one minute of its 8 h lifetime is left, less than the 2 h idle TTL.
        Instant created = Instant.ofEpochMilli(Instant.now().minusSeconds(8 * 3600 - 60).toEpochMilli());
        redis.hash(String.class).hset(RoomServiceKeys.room(roomId), "createdAt", Long.toString(created.toEpochMilli()));
        String later = as(room.getString("token")).get("/api/rooms/" + roomId).then().statusCode(200)
                .extract().path("expiresAt");
        Instant lifetimeEnd = created.plusSeconds(8 * 3600);
        assertThat(Instant.parse(later)).isEqualTo(lifetimeEnd);
        assertThat((long) redis.sortedSet(String.class).zscore(RoomServiceKeys.ROOMS_BY_EXPIRY, roomId).orElseThrow())
                .isEqualTo(lifetimeEnd.toEpochMilli());
    }

    @Test
    void activityPushesTheDeadlineOn() {
        JsonPath room = RoomApi.createRoom().jsonPath();
        String roomId = room.getString("roomId");
        double before = redis.sortedSet(String.class).zscore(RoomServiceKeys.ROOMS_BY_EXPIRY, roomId).orElseThrow();
        String later = as(room.getString("token")).get("/api/rooms/" + roomId).then().statusCode(200)
                .extract().path("expiresAt");
        double after = redis.sortedSet(String.class).zscore(RoomServiceKeys.ROOMS_BY_EXPIRY, roomId).orElseThrow();
        assertThat(after).isGreaterThanOrEqualTo(before);
        assertThat((long) after).isEqualTo(Instant.parse(later).toEpochMilli());
    }
}
