package dev.coview.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.local.testing.LocalStackResource;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Ending a room through the real redis-server of deploy/local: the marker and the announcement. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class RoomRevocationsTest {

    @Inject
    RoomRevocations revocations;

    @Test
    void anEndedRoomIsMarkedAndAnnouncedToSubscribers() {
        String roomId = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        List<String> announced = new CopyOnWriteArrayList<>();
        Cancellable subscription = revocations.endedRooms().subscribe().with(announced::add);
        try {
            // The SUBSCRIBE is asynchronous: re-announce until the subscriber hears it (pub/sub is at-most-once).
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
                revocations.markEnded(roomId, Duration.ofMinutes(5), "expired").await().atMost(Duration.ofSeconds(5));
                return announced.contains(roomId);
            });
            assertThat(revocations.isEnded(roomId).await().atMost(Duration.ofSeconds(5))).isTrue();
            // Why it ended stays with the marker, for the sockets' close reason.
            assertThat(revocations.endedReason(roomId).await().atMost(Duration.ofSeconds(5))).isEqualTo("expired");
            assertThat(revocations.endedReason(other).await().atMost(Duration.ofSeconds(5))).isNull();
            assertThat(revocations.isEnded(other).await().atMost(Duration.ofSeconds(5))).isFalse();
            // Remembered beyond the marker's lifetime, for annotation-service's replay of its log.
            assertThat(revocations.endedSince(0).await().atMost(Duration.ofSeconds(5)))
                    .extracting(ScoredValue::value).contains(roomId).doesNotContain(other);
            assertThat(revocations.endedSince(System.currentTimeMillis() + 60_000)
                    .await().atMost(Duration.ofSeconds(5))).isEmpty();
        } finally {
            subscription.cancel();
        }
    }
}
