package dev.coview.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.local.testing.LocalStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Removing a participant through the real redis-server of deploy/local: the marker, and the announcement reaching
 * the service's {@link ParticipantRemovals.Listener} through the subscription made at startup.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class RemovalSubscriptionTest {

    @Inject
    ParticipantRemovals removals;
    @Inject
    Heard heard;

    @Test
    void aRemovalIsMarkedAndHandedToTheListeners() {
        String roomId = UUID.randomUUID().toString();
        String participantId = UUID.randomUUID().toString();
        // The SUBSCRIBE is asynchronous: re-announce until the listener hears it (pub/sub is at-most-once).
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            removals.markRemoved(roomId, participantId, Duration.ofMinutes(5)).await().atMost(Duration.ofSeconds(5));
            return heard.removals.contains(roomId + "/" + participantId);
        });
        assertThat(removals.isRemoved(roomId, participantId).await().atMost(Duration.ofSeconds(5))).isTrue();
        assertThat(removals.isRemoved(roomId, "someone-else").await().atMost(Duration.ofSeconds(5))).isFalse();
    }

    /** The listener a socket service would have: it records what it is told (no client proxy: the test reads it). */
    @Singleton
    static class Heard implements ParticipantRemovals.Listener {
        final List<String> removals = new CopyOnWriteArrayList<>();

        @Override
        public void removed(String roomId, String participantId) {
            removals.add(roomId + "/" + participantId);
        }
    }
}
