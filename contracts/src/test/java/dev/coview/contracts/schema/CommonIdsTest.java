package dev.coview.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every identifier has one definition, {@code schemas/common/ids.json}: each schema property named like an id
 * refers to it instead of declaring a pattern of its own, and the definitions accept the ids the services really
 * generate and refuse what they refuse. Pure unit test.
 */
class CommonIdsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Property names that hold an id, in every schema folder, and the definition each must refer to. */
    private static final Map<String, String> EVERYWHERE = Map.of(
            "roomId", "roomId",
            "participantId", "participantId",
            "agentId", "participantId",
            "authorId", "participantId",
            "endedBy", "participantId",
            "snapshotId", "snapshotId",
            "recordingId", "recordingId",
            "eventId", "eventId");
    /** Names whose meaning depends on the protocol: {@code id} is an element in annotations, a participant in signaling. */
    private static final Map<String, Map<String, String>> PER_FOLDER = Map.of(
            "annotation", Map.of("id", "elementId"),
            "signal", Map.of("id", "participantId", "to", "participantId", "from", "participantId"));

    @Test
    void everyIdPropertyRefersToItsCommonDefinition() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/schemas").toURI());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            if (rel.startsWith("common/")) {
                continue;
            }
            Map<String, String> rules = new java.util.HashMap<>(EVERYWHERE);
            rules.putAll(PER_FOLDER.getOrDefault(rel.substring(0, rel.indexOf('/')), Map.of()));
            String toCommon = "../".repeat((int) rel.chars().filter(c -> c == '/').count()) + "common/ids.json#/$defs/";
            List<JsonNode[]> found = new ArrayList<>();
            collect(JSON.readTree(file.toFile()), rules.keySet(), found);
            for (JsonNode[] pair : found) {
                String name = pair[0].asText();
                JsonNode property = pair[1];
                String expected = toCommon + rules.get(name);
                checked++;
                if (!expected.equals(property.path("$ref").asText()) || property.has("pattern")
                        || property.has("type")) {
                    wrong.add(rel + " " + name + ": " + property + " (expected {\"$ref\":\"" + expected + "\"})");
                }
            }
        }
        assertThat(wrong).as("id properties that do not refer to schemas/common/ids.json").isEmpty();
        assertThat(checked).as("id properties found").isGreaterThan(50);
        System.out.printf("%d schema files, %d id properties refer to common/ids.json%n", files.size(), checked);
    }

    private static void collect(JsonNode node, java.util.Set<String> names, List<JsonNode[]> found) {
        collect(node, names, found, false);
    }

    /** {@code conditional}: under if/then/else, where "properties" only narrow properties declared elsewhere. */
    private static void collect(JsonNode node, java.util.Set<String> names, List<JsonNode[]> found,
                                boolean conditional) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject() && !conditional) {
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (names.contains(e.getKey())) {
                        found.add(new JsonNode[] {JSON.getNodeFactory().textNode(e.getKey()), e.getValue()});
                    }
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                boolean branch = e.getKey().equals("if") || e.getKey().equals("then") || e.getKey().equals("else");
                collect(e.getValue(), names, found, conditional || branch);
            }
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(child, names, found, conditional));
        }
    }

    @Test
    void theDefinitionsAcceptWhatTheServicesGenerateAndRefuseTheRest() throws IOException {
        JsonNode defs;
        try (var in = getClass().getResourceAsStream("/schemas/common/ids.json")) {
            defs = JSON.readTree(in).get("$defs");
        }
        assertThat(defs.properties().stream().map(Map.Entry::getKey).sorted().toList())
                .containsExactly("elementId", "eventId", "participantId", "recordingId", "roomId", "shareId",
                        "snapshotId");
        // shareId is no generated id: it names one of the two shares, nothing else.
        assertThat(defs.at("/shareId/enum").toString()).isEqualTo("[\"customer\",\"agent\"]");

        // room-service's Ids.newId(): 16 random bytes, base64url without padding (RoomsResource.ROOM_ID).
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        String issued = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        for (String def : List.of("roomId", "participantId", "snapshotId", "recordingId")) {
            assertThat(issued).as(def).matches(pattern(defs, def));
        }
        // annotation-service's EventIds: a 22-character random prefix, '-', a base-36 counter; replayed records may
        // carry UUIDs (what the deduplication test writes).
        assertThat(issued + "-" + Long.toString(Long.MAX_VALUE, 36)).matches(pattern(defs, "eventId"));
        assertThat(UUID.randomUUID().toString()).matches(pattern(defs, "eventId"));
        // Element ids are the client's: 1 to 64 of the base64url alphabet (annotation-service's MessageValidator).
        assertThat("s1").matches(pattern(defs, "elementId"));
        assertThat("a".repeat(64)).matches(pattern(defs, "elementId"));

        for (String def : List.of("roomId", "participantId", "snapshotId", "recordingId", "elementId", "eventId")) {
            Pattern p = pattern(defs, def);
            for (String bad : List.of("", "../../etc/passwd", "a b", "x".repeat(65), "é")) {
                assertThat(p.matcher(bad).matches()).as(def + " accepts \"" + bad + "\"").isFalse();
            }
        }
        for (String def : List.of("roomId", "participantId")) {
            assertThat(pattern(defs, def).matcher("short").matches()).as(def).isFalse();
            assertThat(pattern(defs, def).matcher(issued + "A").matches()).as(def).isFalse();
        }
    }

    private static Pattern pattern(JsonNode defs, String def) {
        return Pattern.compile(defs.at("/" + def + "/pattern").asText());
    }
}
