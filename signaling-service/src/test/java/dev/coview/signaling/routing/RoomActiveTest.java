package dev.coview.signaling.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Role;
import dev.coview.contracts.redis.RedisKeys;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.TestTokens;
import dev.coview.signaling.testing.SignalClient;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The shared {@code room-active} signal ({@link RedisKeys#ROOM_ACTIVE}) that room-service reads to keep a room in use
 * over WebSockets from expiring as idle: claimed by this instance while it holds a participant, withdrawn when the
 * last one leaves. In the Quarkus test JVM against the real Redis and Kafka of deploy/local
 * ({@link LocalStackResource}). That a dead instance's claim lapses is room-service's {@code RoomExpiryTest}.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class RoomActiveTest {

    @TestHTTPResource("/")
    URI base;
    @Inject
    RedisDataSource redis;

    @Test
    void theRoomIsActiveWhileAParticipantIsConnectedAndNotAfterTheLastOneSaidBye() {
        String room = TestTokens.randomId();
        try (SignalClient agent = SignalClient.connect(base, TestTokens.token(room, TestTokens.randomId(),
                Role.AGENT))) {
            agent.received().next("welcome", SignalClient.WAIT);
            List<Double> claims = claims(room);
            assertThat(claims).as("one claim, this instance's").hasSize(1);
            assertThat(claims.get(0)).as("lapses in the future").isGreaterThan(System.currentTimeMillis());
            assertThat(redis.key().pttl(RedisKeys.roomActive(room))).as("the set itself expires").isPositive();

            agent.send("{\"type\":\"bye\"}");
            Awaitility.await().atMost(SignalClient.WAIT).until(() -> claims(room).isEmpty());
        }
    }

    private List<Double> claims(String room) {
        return redis.sortedSet(String.class).zrangeWithScores(RedisKeys.roomActive(room), 0, -1).stream()
                .map(v -> v.score()).toList();
    }
}
