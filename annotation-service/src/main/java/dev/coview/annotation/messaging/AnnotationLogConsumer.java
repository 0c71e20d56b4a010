package dev.coview.annotation.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.coview.annotation.rooms.Rooms;
import dev.coview.contracts.annotation.AnnotationServerMessage.Event;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The materializer: reads {@code coview.annotations} from the beginning with a consumer group of its own (every
 * instance holds every room's state, rebuilt from the log at start) and applies each record to its room, which
 * assigns the room's {@code seq} and sends the event to the room's sockets here.
 */
@ApplicationScoped
public class AnnotationLogConsumer {

    private final Rooms rooms;
    private final CatchUp catchUp;
    private final ObjectReader reader;

    @Inject
    public AnnotationLogConsumer(Rooms rooms, CatchUp catchUp, ObjectMapper mapper) {
        this.rooms = rooms;
        this.catchUp = catchUp;
        this.reader = mapper.readerFor(Event.class);
    }

    @Incoming("annotations-in")
    public void consume(ConsumerRecord<String, String> record) {
        try {
            Event event = reader.readValue(record.value());
            if (event.eventId() == null || event.roomId() == null || event.event() == null
                    || !event.event().durable()) {
                Log.warnf("skipped a malformed record at %s-%d@%d", record.topic(), record.partition(),
                        record.offset());
            } else {
                rooms.apply(event);
            }
        } catch (Exception e) {
            // One bad record must not stop the room's log; every instance skips it the same way.
            Log.warnf("skipped an unreadable record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
        catchUp.consumed(record.partition(), record.offset());
    }
}
