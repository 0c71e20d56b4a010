package dev.coview.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.events.SessionEventType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every session event type has a schema that compiles, and the validator really catches a broken event (a test
 * that cannot fail proves nothing). Pure unit test, no infrastructure.
 */
class SessionEventSchemasTest {

    @Test
    void everySessionEventTypeHasACompilingSchema() throws IOException {
        List<String> missing = new ArrayList<>();
        for (SessionEventType t : SessionEventType.values()) {
            String path = "events/" + t.shortName() + ".json";
            try (InputStream in = getClass().getResourceAsStream("/schemas/" + path)) {
                if (in == null) {
                    missing.add(path);
                    continue;
                }
            }
            assertThat(SchemaCatalog.schema(path)).as(path).isNotNull();
        }
        assertThat(missing).as("session event types without a schema").isEmpty();
    }

    @Test
    void aValidRoomCreatedEventPassesAndBrokenOnesAreCaught() {
        String valid = """
                {"roomId":"AAAAAAAAAAAAAAAAAAAAAA","agentId":"BBBBBBBBBBBBBBBBBBBBBB","createdBy":"api-key",
                 "createdAt":"2026-11-24T10:00:00Z","expiresAt":"2026-11-24T10:20:00Z"}""";
        assertThat(SchemaCatalog.errors("events/room.created.json", valid)).isEmpty();

        String missingField = valid.replace("\"createdBy\":\"api-key\",", "");
        String wrongType = valid.replace("\"api-key\"", "42");
        String badTime = valid.replace("2026-11-24T10:00:00Z", "yesterday");
        String badRoomId = valid.replace("AAAAAAAAAAAAAAAAAAAAAA", "room-1");
        String badAgentId = valid.replace("BBBBBBBBBBBBBBBBBBBBBB", "BBBBBBBBBBBBBBBBBBBBB/");
        for (String broken : List.of(missingField, wrongType, badTime, badRoomId, badAgentId)) {
            assertThat(SchemaCatalog.errors("events/room.created.json", broken)).as(broken).isNotEmpty();
        }
    }
}
