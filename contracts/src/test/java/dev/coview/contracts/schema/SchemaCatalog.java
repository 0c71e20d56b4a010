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
    /** The schemas of the previous release, kept under {@code compat/schemas/} of the test resources. */
    private static final JsonSchemaFactory PREVIOUS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(ID_PREFIX, "classpath:compat/schemas/")));

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
     * Properties this release added to payloads whose previous-release schema was closed
     * ({@code additionalProperties: false}): a consumer validating with that old schema refuses events carrying
     * them. Declared here, so that each such break is a decision; {@link #previousReleaseErrors} leaves them out.
     * From this release on the schemas are open and this list stays as it is.
     */
    public static final Map<String, Set<String>> ADDED_TO_CLOSED_PAYLOADS = Map.of(
            "events/room.created.json", Set.of("agent"),
            // room.ended says why the room is over (an agent, or idle expiry, which the previous release did not
            // announce with room.ended at all): main's continuity work added it to the payload in this release.
            "events/room.ended.json", Set.of("reason"),
            // Two-way sharing: only the agent's share events carry shareId (the customer's keep the previous
            // shape), so a consumer on the previous release refuses exactly the events it could not tell apart.
            "events/share.started.json", Set.of("shareId"),
            "events/share.stopped.json", Set.of("shareId"),
            // The same for the agent's share's crop, masks and freeze (share.paused/resumed are new this release).
            "events/crop.changed.json", Set.of("shareId"),
            "events/masks.changed.json", Set.of("shareId"),
            "events/freeze.started.json", Set.of("shareId"),
            "events/freeze.ended.json", Set.of("shareId"));

    /**
     * Errors of {@code json} against the previous release's schema at {@code path}, after removing the
     * {@link #ADDED_TO_CLOSED_PAYLOADS declared additions}.
     */
    public static List<String> previousReleaseErrors(String path, JsonNode json) {
        JsonNode copy = json.deepCopy();
        if (copy instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            ADDED_TO_CLOSED_PAYLOADS.getOrDefault(path, Set.of()).forEach(o::remove);
        }
        return errors(previousRelease(path), copy);
    }

    /**
     * The previous release's schema at {@code schemas/<path>} (same {@code $id}, read from this module's test
     * resources {@code compat/schemas/}): what a consumer who has not upgraded validates with.
     */
    public static JsonSchema previousRelease(String path) {
        JsonSchema s = PREVIOUS.getSchema(SchemaLocation.of(ID_PREFIX + path), CONFIG);
        s.initializeValidators();
        return s;
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
