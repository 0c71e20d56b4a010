package dev.coview.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One AsyncAPI document of {@code contracts} ({@code asyncapi/<name>} on the classpath), read with Jackson, with what
 * the tests need: every {@code $ref} in it resolved (inside the document, or to a file of this module relative to
 * {@code asyncapi/}), and the wire names of the messages each operation lists.
 */
final class AsyncApiDocument {

    /** Every AsyncAPI document this module ships. */
    static final List<String> ALL = List.of("session-events.yaml", "annotations.yaml", "pointers.yaml",
            "signal-socket.yaml", "annotation-socket.yaml");

    /** {@link #ALL}, for parameterized tests. */
    static List<String> all() {
        return ALL;
    }

    /** Where relative {@code $ref}s of a document point: the documents sit in {@code asyncapi/} next to {@code schemas/}. */
    private static final URI BASE = URI.create("https://coview.dev/asyncapi/");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final JsonNode root;

    private AsyncApiDocument(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    static AsyncApiDocument load(String name) {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream("/asyncapi/" + name)) {
            if (in == null) {
                throw new AssertionError("asyncapi/" + name + " is not on the classpath");
            }
            return new AsyncApiDocument(name, YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("asyncapi/" + name + " does not parse", e);
        }
    }

    /** The base URI the document's relative references resolve against (for {@link SchemaCatalog#inline}). */
    String baseUri() {
        return BASE.resolve(name).toString();
    }

    /** Every {@code $ref} value in the document, with the JSON pointer of the object that holds it. */
    Map<String, String> refs() {
        Map<String, String> refs = new java.util.LinkedHashMap<>();
        collect(root, "", refs);
        return refs;
    }

    private static void collect(JsonNode node, String pointer, Map<String, String> refs) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                    refs.put(pointer, e.getValue().asText());
                } else {
                    collect(e.getValue(), child, refs);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, refs);
            }
        }
    }

    /**
     * What {@code ref} points at: a node of this document ({@code #/…}), or of a JSON file of this module
     * ({@code ../schemas/x.json} or {@code ../schemas/x.json#/$defs/y}). Throws {@link AssertionError} when the
     * target does not exist.
     */
    JsonNode resolve(String ref) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        JsonNode target;
        if (file.isEmpty()) {
            target = root;
        } else {
            String resolved = BASE.resolve(name).resolve(file).toString();
            String prefix = "https://coview.dev/";
            if (!resolved.startsWith(prefix)) {
                throw new AssertionError(name + ": " + ref + " leaves this module");
            }
            String path = "/" + resolved.substring(prefix.length());
            try (InputStream in = getClass().getResourceAsStream(path)) {
                if (in == null) {
                    throw new AssertionError(name + ": " + ref + " names " + path + ", which does not exist");
                }
                target = JSON.readTree(in);
            } catch (IOException e) {
                throw new AssertionError(name + ": " + ref + " is not JSON", e);
            }
        }
        JsonNode node = fragment.isEmpty() ? target : target.at(fragment);
        if (node.isMissingNode()) {
            throw new AssertionError(name + ": " + ref + " points at nothing");
        }
        return node;
    }

    /** The {@code name} (wire type) of every message the operation lists, in order. */
    Set<String> messageNames(String operation) {
        JsonNode op = root.at("/operations/" + operation);
        if (op.isMissingNode()) {
            throw new AssertionError(name + " has no operation " + operation);
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode ref : op.path("messages")) {
            names.add(message(ref.path("$ref").asText()).path("name").asText());
        }
        return names;
    }

    /** The message a reference names, following a channel's message reference to the component. */
    JsonNode message(String ref) {
        JsonNode node = resolve(ref);
        while (node.has("$ref")) {
            node = resolve(node.get("$ref").asText());
        }
        return node;
    }

    /** The compiled payload schema of a component message, its {@code $ref}s resolved against the document. */
    JsonSchema payloadSchema(String componentMessage) {
        JsonNode schema = root.at("/components/messages/" + componentMessage + "/payload/schema");
        if (schema.isMissingNode()) {
            throw new AssertionError(name + " has no payload schema for message " + componentMessage);
        }
        return SchemaCatalog.inline(baseUri(), schema);
    }

    /** The names of the document's component messages. */
    List<String> componentMessages() {
        List<String> keys = new ArrayList<>();
        root.path("components").path("messages").fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
