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
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the AsyncAPI documents sound: each parses as AsyncAPI 3.0, every {@code $ref} resolves (inside the document or
 * to a file of this module), operations name their channel's messages, every payload schema compiles; and
 * {@code asyncapi/session-events.yaml} documents exactly the event types CoView publishes, on the real topic. The
 * other documents' contents are checked by {@link AsyncApiKafkaTopicsTest} and {@link AsyncApiSocketsTest}. Pure
 * unit test.
 */
class AsyncApiDocumentTest {

    @ParameterizedTest
    @MethodSource("dev.coview.contracts.schema.AsyncApiDocument#all")
    void parsesAndEveryReferenceResolves(String name) {
        AsyncApiDocument doc = AsyncApiDocument.load(name);
        assertThat(doc.root.path("asyncapi").asText()).as(name).isEqualTo("3.0.0");
        assertThat(doc.root.at("/info/title").asText()).as(name + " title").isNotBlank();
        assertThat(doc.root.at("/info/version").asText()).as(name + " version").isNotBlank();
        assertThat(doc.root.path("channels").size()).as(name + " channels").isPositive();

        Map<String, String> refs = doc.refs();
        refs.forEach((where, ref) -> assertThat(doc.resolve(ref)).as(name + where + " → " + ref).isNotNull());
        // Schema files are referenced, never copied: a payload is a $ref, or an allOf of $refs and properties of $refs.
        for (String message : doc.componentMessages()) {
            JsonNode payload = doc.root.at("/components/messages/" + message + "/payload");
            assertThat(payload.path("schemaFormat").asText()).as(name + " " + message)
                    .isEqualTo("application/schema+json;version=draft-2020-12");
            assertThat(doc.payloadSchema(message)).as(name + " " + message).isNotNull();
            assertThat(copiedKeywords(payload.path("schema"))).as(name + " " + message + " payload").isEmpty();
        }
        System.out.printf("%s: %d channel(s), %d operation(s), %d message(s), %d $ref(s) resolved%n", name,
                doc.root.path("channels").size(), doc.root.path("operations").size(), doc.componentMessages().size(),
                refs.size());
    }

    /** Keywords of a payload schema other than references and the structure that combines them. */
    private static Set<String> copiedKeywords(JsonNode schema) {
        Set<String> copied = new HashSet<>();
        if (schema.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                switch (e.getKey()) {
                    case "$ref", "description" -> { }
                    case "allOf" -> e.getValue().forEach(n -> copied.addAll(copiedKeywords(n)));
                    case "properties" -> e.getValue().forEach(n -> copied.addAll(copiedKeywords(n)));
                    default -> copied.add(e.getKey());
                }
            }
        }
        return copied;
    }

    @ParameterizedTest
    @MethodSource("dev.coview.contracts.schema.AsyncApiDocument#all")
    void operationsUseTheirChannelsMessagesAndEveryChannelMessageIsAComponent(String name) {
        AsyncApiDocument doc = AsyncApiDocument.load(name);
        JsonNode operations = doc.root.path("operations");
        assertThat(operations.size()).as(name + " operations").isPositive();
        for (Iterator<Map.Entry<String, JsonNode>> it = operations.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> op = it.next();
            String label = name + " operation " + op.getKey();
            assertThat(op.getValue().path("action").asText()).as(label).isIn("send", "receive");
            String channel = op.getValue().at("/channel/$ref").asText();
            assertThat(channel).as(label).startsWith("#/channels/");
            assertThat(op.getValue().path("messages").size()).as(label).isPositive();
            for (JsonNode m : op.getValue().path("messages")) {
                assertThat(m.path("$ref").asText()).as(label).startsWith(channel + "/messages/");
            }
        }
        for (JsonNode channel : doc.root.path("channels")) {
            for (JsonNode m : channel.path("messages")) {
                assertThat(m.path("$ref").asText()).as(name).startsWith("#/components/messages/");
                assertThat(doc.message(m.path("$ref").asText()).path("name").asText()).as(name).isNotBlank();
            }
        }
    }

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
