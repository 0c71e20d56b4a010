package dev.coview.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of {@code contracts} ({@code schemas/**} on the classpath, {@code $id}s under
 * {@code https://coview.dev/schemas/}), compiled once and used to validate JSON documents in tests: here for the
 * schemas themselves, and in every service's tests (through this module's test-jar) for what the service
 * really emits.
 */
public final class SchemaCatalog {

    /** The {@code $id} prefix every CoView schema has. */
    public static final String ID_PREFIX = "https://coview.dev/schemas/";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(ID_PREFIX, "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    private SchemaCatalog() {
    }

    /** The schema at {@code schemas/<path>}, e.g. {@code events/room.created.json}. */
    public static JsonSchema schema(String path) {
        return COMPILED.computeIfAbsent(path, p -> {
            JsonSchema s = FACTORY.getSchema(SchemaLocation.of(ID_PREFIX + p), CONFIG);
            s.initializeValidators(); // resolve every $ref now: a broken reference fails here, not mid-test
            return s;
        });
    }

    /**
     * A schema written inline in another document (an AsyncAPI message payload), whose relative {@code $ref}s resolve
     * against {@code baseUri}: e.g. {@code https://coview.dev/asyncapi/annotations.yaml} makes
     * {@code ../schemas/annotation/stroke.json} this module's {@code schemas/annotation/stroke.json}.
     */
    public static JsonSchema inline(String baseUri, JsonNode schema) {
        JsonSchema s = FACTORY.getSchema(SchemaLocation.of(baseUri), schema, CONFIG);
        s.initializeValidators();
        return s;
    }

    /** Validation errors of {@code json} against {@code schema}; empty when valid. */
    public static List<String> errors(JsonSchema schema, JsonNode json) {
        return schema.validate(json).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Validation errors of {@code json} against {@code schemas/<path>}; empty when valid. */
    public static List<String> errors(String path, String json) {
        try {
            return errors(path, MAPPER.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
    }

    /** Validation errors of {@code json} against {@code schemas/<path>}; empty when valid. */
    public static List<String> errors(String path, JsonNode json) {
        Set<ValidationMessage> messages = schema(path).validate(json);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Throws {@link AssertionError} naming every violation when {@code json} does not match the schema. */
    public static void assertValid(String path, String json) {
        List<String> errors = errors(path, json);
        if (!errors.isEmpty()) {
            throw new AssertionError("not valid against " + path + ": " + errors + "\n" + json);
        }
    }
}
