package dev.coview.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.coview.contracts.events.SessionEventType;
import dev.coview.contracts.kafka.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code asyncapi/session-events.yaml} true: it documents exactly the event types CoView publishes, on the
 * real topic, and each message's payload points at a schema file that exists. Pure unit test.
 */
class AsyncApiDocumentTest {

    @Test
    void sessionEventsDocumentListsEveryTypeWithAnExistingPayloadSchema() throws IOException {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/session-events.yaml")) {
            assertThat(in).as("asyncapi/session-events.yaml").isNotNull();
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.at("/channels/sessionEvents/address").asText()).isEqualTo(Topics.SESSION_EVENTS);

        Set<String> documented = new HashSet<>();
        for (JsonNode message : doc.at("/components/messages")) {
            String name = message.path("name").asText();
            documented.add(name);
            String ref = message.at("/payload/schema/$ref").asText();
            assertThat(ref).as(name).startsWith("../schemas/events/");
            String path = ref.substring("../schemas/".length());
            assertThat(getClass().getResource("/schemas/" + path)).as(name + " payload " + ref).isNotNull();
            assertThat(SchemaCatalog.schema(path)).isNotNull();
        }
        Set<String> published = new HashSet<>();
        for (SessionEventType t : SessionEventType.values()) {
            published.add(t.type());
        }
        assertThat(documented).isEqualTo(published);
    }
}
