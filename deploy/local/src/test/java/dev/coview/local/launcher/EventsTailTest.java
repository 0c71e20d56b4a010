package dev.coview.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The line ./coview events prints for one CloudEvent record; pure unit test. */
class EventsTailTest {

    @Test
    void printsTypeWithoutPrefixRoomAndData() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader("ce_type", "dev.coview.room.created".getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader("ce_time", "2026-11-24T10:15:30.123Z".getBytes(StandardCharsets.UTF_8)));
        ConsumerRecord<String, String> r = new ConsumerRecord<>("coview.session-events", 0, 7L, 0L,
                TimestampType.CREATE_TIME, 0, 0, "room-42", "{\"agentId\":\"a1\"}", headers, Optional.empty());

        String line = EventsTail.format(r);

        assertThat(line).contains("room.created").doesNotContain("dev.coview.room.created")
                .contains("room=room-42").endsWith("{\"agentId\":\"a1\"}")
                .matches("^\\d{2}:\\d{2}:30\\.123 .*");
    }
}
