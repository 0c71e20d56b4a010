package dev.coview.annotation.messaging;

import dev.coview.annotation.rules.SessionEvent;
import dev.coview.support.events.SessionEventPublisher;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Publishes the session events (CloudEvents for other systems) that annotation messages stand for (each type's
 * rule says which). Published once, by the instance that accepted the message, after Kafka has it in the
 * annotation log; a failure is logged, never reported to the participant (the annotation itself went through).
 */
@ApplicationScoped
public class SessionEvents {

    @Inject
    SessionEventPublisher publisher;

    /** Publishes {@code event} of room {@code roomId}; nothing when {@code null} (the message stands for none). */
    public void publish(String roomId, SessionEvent event) {
        if (event == null) {
            return;
        }
        publisher.publish(event.type(), roomId, event.data()).subscribe().with(ok -> {
        }, e -> Log.warnf("could not publish %s for room %s: %s", event.type().type(), roomId, e.getMessage()));
    }
}
