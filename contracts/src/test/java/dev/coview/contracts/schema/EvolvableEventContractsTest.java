package dev.coview.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import dev.coview.contracts.events.SessionEventType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The session event contracts can evolve without breaking consumers, and all of them are written one way: every
 * payload schema is open for additions (no {@code additionalProperties: false}, enums that accept later values),
 * has the same shape of title, description and properties, and an example that validates; every AsyncAPI message
 * has an example whose headers and payload validate; a consumer reading with today's Java records ignores a
 * property added later. Pure unit test, no infrastructure.
 */
class EvolvableEventContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A consumer as docs/integrations.md describes it: Jackson with java.time, otherwise defaults. */
    private static final ObjectMapper CONSUMER = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final List<String> KEY_ORDER = List.of("$schema", "$id", "title", "description", "type",
            "required", "properties", "examples");

    @ParameterizedTest
    @EnumSource(SessionEventType.class)
    void everySchemaIsWrittenTheSameWay(SessionEventType type) throws IOException {
        JsonNode schema = read(type);
        List<String> keys = new ArrayList<>();
        schema.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).as(type + ": top-level keys, in order").isEqualTo(KEY_ORDER);
        assertThat(schema.path("title").asText()).isEqualTo(type.type());
        assertThat(schema.path("$id").asText()).isEqualTo(type.dataSchema());
        assertThat(schema.path("description").asText())
                .startsWith("Data of the CloudEvent " + type.type() + " (topic coview.session-events, key = roomId): ")
                .contains(" Java: dev.coview.contracts.events." + javaName(type) + ".");
        schema.path("properties").fields().forEachRemaining(p ->
                assertThat(p.getValue().path("description").asText()).as(type + "." + p.getKey()).isNotBlank());
    }

    @ParameterizedTest
    @EnumSource(SessionEventType.class)
    void everySchemaIsOpenForAdditions(SessionEventType type) throws IOException {
        JsonNode schema = read(type);
        assertThat(schema.has("additionalProperties")).as(type + " closes its properties").isFalse();
        JsonSchema compiled = SchemaCatalog.schema(path(type));
        for (JsonNode example : schema.path("examples")) {
            ObjectNode later = example.deepCopy();
            later.put("addedInALaterVersion", "anything");
            assertThat(SchemaCatalog.errors(compiled, later)).as(type + " with an added property").isEmpty();
        }
        schema.path("properties").fields().forEachRemaining(p -> {
            JsonNode property = p.getValue();
            assertThat(property.has("enum")).as(type + "." + p.getKey() + " is a closed enum").isFalse();
            if (property.has("anyOf")) {
                // Known values listed, later ones accepted: the description says how to treat them.
                assertThat(property.path("anyOf").get(0).has("enum")).isTrue();
                assertThat(property.path("description").asText()).contains("Known values: ").contains("unknown");
                ObjectNode later = schema.path("examples").get(0).deepCopy();
                later.put(p.getKey(), "added-in-a-later-version");
                assertThat(SchemaCatalog.errors(compiled, later)).as(type + "." + p.getKey() + " new value").isEmpty();
                later.put(p.getKey(), "Not A Token");
                assertThat(SchemaCatalog.errors(compiled, later)).as(type + "." + p.getKey() + " garbage").isNotEmpty();
            }
        });
    }

    @ParameterizedTest
    @EnumSource(SessionEventType.class)
    void everySchemaHasAnExampleThatValidatesAndTodaysRecordsReadItWithAnAddedProperty(SessionEventType type)
            throws Exception {
        JsonNode examples = read(type).path("examples");
        assertThat(examples.size()).as(type + " examples").isPositive();
        Class<?> record = Class.forName("dev.coview.contracts.events." + javaName(type));
        for (JsonNode example : examples) {
            assertThat(SchemaCatalog.errors(path(type), example)).as(type + " example").isEmpty();
            ObjectNode later = example.deepCopy();
            later.put("addedInALaterVersion", 42);
            Object read = CONSUMER.treeToValue(later, record);
            assertThat(JSON.valueToTree(CONSUMER.convertValue(read, Map.class)).path("roomId"))
                    .isEqualTo(example.path("roomId"));
        }
    }

    @Test
    void everyAsyncApiMessageHasAnExampleWhoseHeadersAndPayloadValidate() {
        AsyncApiDocument doc = AsyncApiDocument.load("session-events.yaml");
        JsonSchema headers = SchemaCatalog.inline(doc.baseUri(),
                doc.root.at("/components/schemas/CloudEventHeaders"));
        assertThat(doc.componentMessages()).hasSize(SessionEventType.values().length);
        for (String message : doc.componentMessages()) {
            JsonNode m = doc.root.at("/components/messages/" + message);
            JsonNode examples = m.path("examples");
            assertThat(examples.size()).as(message + " examples").isPositive();
            JsonSchema payload = doc.payloadSchema(message);
            for (JsonNode example : examples) {
                assertThat(SchemaCatalog.errors(payload, example.path("payload"))).as(message + " payload").isEmpty();
                assertThat(SchemaCatalog.errors(headers, example.path("headers"))).as(message + " headers").isEmpty();
                SessionEventType type = SessionEventType.fromType(m.path("name").asText());
                assertThat(example.path("headers").path("ce_type").asText()).isEqualTo(type.type());
                assertThat(example.path("headers").path("ce_dataschema").asText()).isEqualTo(type.dataSchema());
            }
        }
    }

    @Test
    void theHeaderSchemaCatchesAMissingSubjectAndABadTraceparent() {
        AsyncApiDocument doc = AsyncApiDocument.load("session-events.yaml");
        JsonSchema headers = SchemaCatalog.inline(doc.baseUri(),
                doc.root.at("/components/schemas/CloudEventHeaders"));
        ObjectNode good = (ObjectNode) doc.root.at("/components/messages/roomCreated/examples/0/headers").deepCopy();
        assertThat(SchemaCatalog.errors(headers, good)).isEmpty();
        ObjectNode noSubject = good.deepCopy();
        noSubject.remove("ce_subject");
        ObjectNode badTrace = good.deepCopy();
        badTrace.put("ce_traceparent", "not-a-trace");
        ObjectNode badRef = good.deepCopy();
        badRef.put("ce_externalrefid", "has spaces");
        for (ObjectNode broken : List.of(noSubject, badTrace, badRef)) {
            assertThat(SchemaCatalog.errors(headers, broken)).as(broken.toString()).isNotEmpty();
        }
    }

    static String javaName(SessionEventType type) {
        StringBuilder b = new StringBuilder();
        for (String part : type.shortName().split("\\.")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    static String path(SessionEventType type) {
        return "events/" + type.shortName() + ".json";
    }

    private static JsonNode read(SessionEventType type) throws IOException {
        try (InputStream in = EvolvableEventContractsTest.class.getResourceAsStream("/schemas/" + path(type))) {
            return JSON.readTree(in);
        }
    }
}
