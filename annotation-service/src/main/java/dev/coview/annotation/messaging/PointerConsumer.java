package dev.coview.annotation.messaging;

import dev.coview.annotation.rooms.Rooms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Relays {@code coview.pointers} to the room's sockets here. The record value is already the frame clients
 * receive and the key is the room id, so nothing is parsed or allocated per pointer move beyond the record
 * itself. Reads from the end with a group of its own: pointer moves are never replayed.
 */
@ApplicationScoped
public class PointerConsumer {

    private final Rooms rooms;

    @Inject
    public PointerConsumer(Rooms rooms) {
        this.rooms = rooms;
    }

    @Incoming("pointers-in")
    public void consume(ConsumerRecord<String, String> record) {
        if (record.key() != null && record.value() != null) {
            rooms.relay(record.key(), record.value());
        }
    }
}
