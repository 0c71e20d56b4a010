package dev.coview.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.kafka.Topics;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code asyncapi/annotations.yaml} and {@code asyncapi/pointers.yaml} say what annotation-service really writes:
 * the real topics, keyed by room id, one message per annotation type (durable types on {@code coview.annotations},
 * pointer traffic on {@code coview.pointers}, exactly as {@link AnnotationClientMessage#durable()} splits them), each
 * payload the stamped event of {@code schemas/annotation/server/event.json} carrying that type. The payloads catch a
 * broken record. Pure unit test.
 */
class AsyncApiKafkaTopicsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOM = "RRRRRRRRRRRRRRRRRRRRRR";
    private static final String AUTHOR = "PPPPPPPPPPPPPPPPPPPPPP";

    @Test
    void annotationsDocumentsEveryDurableTypeOnTheRealTopic() throws Exception {
        assertTopic("annotations.yaml", "annotations", Topics.ANNOTATIONS, types(true));
    }

    @Test
    void pointersDocumentsThePointerTrafficOnTheRealTopic() throws Exception {
        assertTopic("pointers.yaml", "pointers", Topics.POINTERS, types(false));
    }

    @Test
    void retentionIsDurableForAnnotationsAndAMinuteForPointers() {
        JsonNode annotations = AsyncApiDocument.load("annotations.yaml").root.at("/channels/annotations/bindings/kafka");
        JsonNode pointers = AsyncApiDocument.load("pointers.yaml").root.at("/channels/pointers/bindings/kafka");
        assertThat(annotations.at("/topicConfiguration/retention.ms").asLong()).isGreaterThanOrEqualTo(24L * 3600_000);
        assertThat(pointers.at("/topicConfiguration/retention.ms").asLong()).isEqualTo(60_000L);
        assertThat(annotations.path("topic").asText()).isEqualTo(Topics.ANNOTATIONS);
        assertThat(pointers.path("topic").asText()).isEqualTo(Topics.POINTERS);
    }

    @Test
    void aValidRecordPassesAndBrokenRecordsAreCaught() {
        AsyncApiDocument doc = AsyncApiDocument.load("annotations.yaml");
        JsonSchema stroke = doc.payloadSchema("stroke");
        ObjectNode valid = record("{\"type\":\"stroke\",\"id\":\"s1\",\"tool\":\"pen\",\"color\":\"#ff0000\","
                + "\"width\":0.01,\"points\":[0.1,0.1,0.2,0.2]}");
        assertThat(SchemaCatalog.errors(stroke, valid)).isEmpty();

        ObjectNode wrongType = record("{\"type\":\"erase\",\"id\":\"s1\"}");
        ObjectNode missingField = valid.deepCopy();
        missingField.remove("authorId");
        ObjectNode badRoom = valid.deepCopy();
        badRoom.put("roomId", "../../etc/passwd");
        ObjectNode badElement = record("{\"type\":\"stroke\",\"id\":\"a b\",\"tool\":\"pen\",\"color\":\"#ff0000\","
                + "\"width\":0.01,\"points\":[0.1,0.1]}");
        for (ObjectNode broken : List.of(wrongType, missingField, badRoom, badElement)) {
            assertThat(SchemaCatalog.errors(stroke, broken)).as(broken.toString()).isNotEmpty();
        }

        JsonSchema pointer = AsyncApiDocument.load("pointers.yaml").payloadSchema("pointer");
        assertThat(SchemaCatalog.errors(pointer, record("{\"type\":\"pointer\",\"x\":0.5,\"y\":0.5}"))).isEmpty();
        assertThat(SchemaCatalog.errors(pointer, record("{\"type\":\"pointer\",\"x\":2,\"y\":0.5}"))).isNotEmpty();
        assertThat(SchemaCatalog.errors(pointer, record("{\"type\":\"stroke\",\"id\":\"s1\",\"points\":[]}")))
                .isNotEmpty();
    }

    private static void assertTopic(String file, String channel, String topic, Set<String> javaTypes) {
        AsyncApiDocument doc = AsyncApiDocument.load(file);
        assertThat(doc.root.at("/channels/" + channel + "/address").asText()).isEqualTo(topic);
        Set<String> documented = new TreeSet<>(doc.messageNames("consume" + (channel.equals("annotations")
                ? "AnnotationEvents" : "PointerMoves")));
        assertThat(documented).as(file + " messages vs the Java protocol").isEqualTo(javaTypes);
        for (String type : javaTypes) {
            JsonNode message = doc.message("#/channels/" + channel + "/messages/" + type);
            assertThat(message.at("/payload/schema/allOf/0/$ref").asText()).as(type)
                    .isEqualTo("../schemas/annotation/server/event.json");
            assertThat(message.at("/payload/schema/allOf/1/properties/event/$ref").asText()).as(type)
                    .isEqualTo("../schemas/annotation/" + type + ".json");
            assertThat(doc.resolve(message.at("/traits/0/$ref").asText()).at("/bindings/kafka/key/$ref").asText())
                    .as(type + " key").isEqualTo("../schemas/common/ids.json#/$defs/roomId");
        }
    }

    /** The wire types of {@link AnnotationClientMessage} that are (or are not) durable. */
    static Set<String> types(boolean durable) throws Exception {
        Set<String> types = new TreeSet<>();
        for (JsonSubTypes.Type t : AnnotationClientMessage.class.getAnnotation(JsonSubTypes.class).value()) {
            AnnotationClientMessage sample = blank(t.value());
            if (sample.durable() == durable) {
                types.add(t.name());
            }
        }
        return types;
    }

    /** An instance of a message record with every component at its default (durable() needs no real content). */
    private static AnnotationClientMessage blank(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = defaultOf(types[i]);
        }
        return (AnnotationClientMessage) type.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object defaultOf(Class<?> type) {
        if (type == boolean.class) {
            return false;
        } else if (type == int.class) {
            return 0;
        } else if (type == long.class) {
            return 0L;
        } else if (type == double.class) {
            return 0.0;
        } else if (type == float.class) {
            return 0f;
        }
        return null;
    }

    private static ObjectNode record(String event) {
        try {
            ObjectNode record = JSON.createObjectNode();
            record.put("type", "event");
            record.put("eventId", "q7L2x9aBcDq7L2x9aBcDqQ-1f");
            record.put("roomId", ROOM);
            record.put("authorId", AUTHOR);
            record.put("ts", 1_700_000_000_000L);
            record.set("event", JSON.readTree(event));
            return record;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
