package dev.coview.contracts.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.events.CropChanged;
import dev.coview.contracts.events.FreezeEnded;
import dev.coview.contracts.events.FreezeStarted;
import dev.coview.contracts.events.MasksChanged;
import dev.coview.contracts.events.ReferenceDeclined;
import dev.coview.contracts.events.ReferenceOpened;
import dev.coview.contracts.events.ReferencePushed;
import dev.coview.contracts.events.SnapshotSaved;
import dev.coview.contracts.schema.SchemaCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The annotation protocol's records and its JSON Schemas say the same thing: every message type has a schema
 * whose {@code type} constant is the Jackson name and whose required properties are the record's required
 * components; messages round-trip. Pure unit test; no infrastructure.
 */
class AnnotationProtocolTest {

    private final ObjectMapper mapper = new ObjectMapper();
    // Ids of the shape room-service issues (schemas/common/ids.json): the schemas refuse any other.
    private static final String ROOM = "RRRRRRRRRRRRRRRRRRRRRR";
    private static final String AUTHOR = "PPPPPPPPPPPPPPPPPPPPPP";

    @Test
    void everyClientMessageHasASchemaThatAgreesWithItsRecord() throws IOException {
        JsonSubTypes subtypes = AnnotationClientMessage.class.getAnnotation(JsonSubTypes.class);
        assertThat(subtypes.value()).hasSize(AnnotationClientMessage.class.getPermittedSubclasses().length);
        JsonNode oneOf = schema("annotation/client-message.json").get("oneOf");
        List<String> refs = new ArrayList<>();
        oneOf.forEach(n -> refs.add(n.get("$ref").asText()));
        for (JsonSubTypes.Type t : subtypes.value()) {
            JsonNode s = schema("annotation/" + t.name() + ".json");
            assertThat(s.at("/properties/type/const").asText()).as(t.name()).isEqualTo(t.name());
            assertThat(refs).contains(t.name() + ".json");
            Set<String> required = new HashSet<>();
            s.get("required").forEach(n -> required.add(n.asText()));
            Set<String> expected = new HashSet<>(Set.of("type"));
            Set<String> all = new HashSet<>(Set.of("type"));
            for (RecordComponent c : t.value().getRecordComponents()) {
                all.add(c.getName());
                // @JsonProperty does not target record components; Java copies it to the accessor.
                JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
                if (p != null && p.required()) {
                    expected.add(c.getName());
                }
            }
            assertThat(required).as(t.name() + " required").isEqualTo(expected);
            Set<String> props = new HashSet<>();
            s.get("properties").fieldNames().forEachRemaining(props::add);
            assertThat(props).as(t.name() + " properties").isEqualTo(all);
        }
    }

    @Test
    void serverMessagesAndSessionEventsHaveSchemas() throws IOException {
        for (JsonSubTypes.Type t : AnnotationServerMessage.class.getAnnotation(JsonSubTypes.class).value()) {
            JsonNode s = schema("annotation/server/" + t.name() + ".json");
            assertThat(s.at("/properties/type/const").asText()).isEqualTo(t.name());
            Set<String> props = new HashSet<>();
            s.get("properties").fieldNames().forEachRemaining(props::add);
            Set<String> all = new HashSet<>(Set.of("type"));
            for (RecordComponent c : t.value().getRecordComponents()) {
                all.add(c.getName());
            }
            assertThat(props).as(t.name()).isEqualTo(all);
        }
        for (String e : List.of("crop.changed", "masks.changed", "freeze.started", "freeze.ended", "reference.pushed",
                "reference.opened", "reference.declined", "snapshot.saved")) {
            assertThat(schema("events/" + e + ".json").get("required")).isNotEmpty();
        }
    }

    @Test
    void messagesRoundTripWithTheirWireNames() throws IOException {
        List<AnnotationClientMessage> samples = List.of(
                new Pointer(0.25, 0.5),
                new PointerHide(),
                new Stroke("s1", StrokePhase.BEGIN, StrokeTool.PEN, "#ff0000", 0.01,
                        new double[] {0.1, 0.2}),
                new Shape("h1", ShapeKind.TEXT, 0.1, 0.1, 0.5, 0.2, "#00ff00", 0.01, "hi"),
                new Undo(),
                new Clear(ClearScope.ALL),
                new Crop(0, 0, 0.5, 0.5, 1920, 1080),
                new Masks(List.of(new Rect(0.1, 0.1, 0.2, 0.2))),
                new Freeze(true, null),
                new ReferencePush("https://example.com/help"),
                new RecordingRequest("ask-1"),
                new RecordingConsent("ask-1", true),
                new Recording(true, "rec-1"));
        for (AnnotationClientMessage m : samples) {
            String json = mapper.writeValueAsString(m);
            assertThat(mapper.readTree(json).get("type").asText()).isEqualTo(m.type());
            AnnotationClientMessage back = mapper.readValue(json, AnnotationClientMessage.class);
            assertThat(mapper.writeValueAsString(back)).isEqualTo(json);
        }
        assertThat(mapper.writeValueAsString(new Undo())).isEqualTo("{\"type\":\"undo\"}");
        assertThat(mapper.readValue("{\"type\":\"clear\",\"scope\":\"own\"}", AnnotationClientMessage.class))
                .isEqualTo(new Clear(ClearScope.OWN));
    }

    @Test
    void serializedMessagesAreValidAgainstTheirSchemasAndBrokenOnesAreCaught() throws IOException {
        List<AnnotationClientMessage> samples = List.of(
                new Pointer(0.25, 0.5),
                new PointerHide(),
                new Stroke("s1", null, StrokeTool.VANISH, "#ff0000", 0.01,
                        new double[] {0.1, 0.2, 0.3, 0.4}),
                new Stroke("s1", StrokePhase.APPEND, null, null, null, new double[] {0.5, 0.5}),
                new Shape("h1", ShapeKind.ARROW, 0.1, 0.1, 0.5, 0.2, "#00ff00", 0.01, null),
                new Erase("h1"),
                new Redo(),
                new Clear(ClearScope.OWN),
                new Crop(0.1, 0.1, 0.5, 0.5, 1920, 1080),
                new CropRequest(0, 0, 1, 1),
                new Masks(List.of(new Rect(0.1, 0.1, 0.2, 0.2))),
                new Pause(false),
                new Freeze(true, "snap-1"),
                new ReferencePush("https://example.com/help"),
                new ReferenceAnswer(true),
                new SnapshotNotice("snap-1"),
                new RecordingRequest("ask-1"),
                new RecordingConsent("ask-1", false),
                new Recording(true, "rec-1"),
                new Recording(false, null),
                // Two-way sharing: on the agent's share.
                new Pointer(0.25, 0.5, Shares.AGENT),
                new Ink("i1", StrokeTool.PEN, "#ff0000", 0.01, new double[] {0.1, 0.2},
                        Shares.AGENT),
                new Stroke("s2", null, StrokeTool.PEN, "#ff0000", 0.01,
                        new double[] {0.1, 0.2}, Shares.AGENT),
                new Shape("h2", ShapeKind.RECT, 0.1, 0.1, 0.5, 0.2, "#00ff00", 0.01, null,
                        Shares.CUSTOMER),
                new Crop(0.1, 0.1, 0.5, 0.5, 1920, 1080, Shares.AGENT),
                new Masks(List.of(), Shares.AGENT),
                new Pause(true, Shares.AGENT),
                new Freeze(true, null, Shares.AGENT));
        for (AnnotationClientMessage m : samples) {
            String json = mapper.writeValueAsString(m);
            SchemaCatalog.assertValid("annotation/" + m.type() + ".json", json);
            SchemaCatalog.assertValid("annotation/client-message.json", json);
            RoomEvent event = new RoomEvent("e1", ROOM, AUTHOR,
                    m.durable() ? 7L : null, 1_700_000_000_000L, m, null);
            SchemaCatalog.assertValid("annotation/server/event.json", mapper.writeValueAsString(event));
        }
        Element element = new Element("s1", AUTHOR, 2, true, new Stroke("s1", null,
                StrokeTool.PEN, "#000000", 0.01, new double[] {0.1, 0.1}));
        RoomState state = new RoomState(3, List.of(element),
                new Crop(0, 0, 1, 1, 800, 600), List.of(), true,
                new Frozen(AUTHOR, null),
                new PendingReference("e2", AUTHOR, "https://example.com"),
                List.of(new AuthorHistory(AUTHOR, 1, 0)),
                new ActiveRecording(AUTHOR, "rec-1"));
        SchemaCatalog.assertValid("annotation/server/state.json", mapper.writeValueAsString(state));
        RoomState twoWay = new RoomState(4, List.of(new Element("s2", AUTHOR, 1,
                false, new Stroke("s2", null, StrokeTool.PEN, "#000000", 0.01,
                new double[] {0.1, 0.1}, Shares.AGENT))), null, List.of(), false,
                new Frozen(AUTHOR, null, Shares.AGENT), null, List.of(), null,
                Map.of(Shares.AGENT, new ShareContent(
                        new Crop(0, 0, 1, 1, 800, 600, Shares.AGENT), List.of(), true)));
        SchemaCatalog.assertValid("annotation/server/state.json", mapper.writeValueAsString(twoWay));
        SchemaCatalog.assertValid("annotation/server/error.json",
                mapper.writeValueAsString(new AnnotationError("forbidden", "no")));

        for (String broken : List.of(
                "{\"type\":\"pointer\",\"x\":1.5,\"y\":0}",
                "{\"type\":\"pointer\",\"x\":0.5}",
                "{\"type\":\"stroke\",\"id\":\"s\",\"points\":[0.1,0.1]}",
                "{\"type\":\"shape\",\"id\":\"h\",\"kind\":\"rect\",\"x1\":0,\"y1\":0,\"x2\":1,\"y2\":1,"
                        + "\"color\":\"#000000\",\"width\":0.01,\"text\":\"only for text\"}",
                "{\"type\":\"reference.push\",\"url\":\"javascript:alert(1)\"}",
                "{\"type\":\"clear\",\"scope\":\"everything\"}",
                "{\"type\":\"freeze\",\"on\":true,\"snapshotId\":\"../../etc\"}",
                "{\"type\":\"recording.consent\",\"requestId\":\"ask-1\"}",
                "{\"type\":\"recording\",\"on\":true,\"recordingId\":\"a/b\"}",
                "{\"type\":\"pointer\",\"x\":0.5,\"y\":0.5,\"shareId\":\"observer\"}")) {
            String type = mapper.readTree(broken).get("type").asText();
            assertThat(SchemaCatalog.errors("annotation/" + type + ".json", broken)).as(broken).isNotEmpty();
        }
    }

    @Test
    void annotationSessionEventsAreValidAgainstTheirSchemas() throws IOException {
        Map<String, Object> events = Map.of(
                "crop.changed", new CropChanged(ROOM, AUTHOR, 0, 0, 0.5, 0.5, 1920, 1080),
                "masks.changed", new MasksChanged(ROOM, AUTHOR, 2),
                "freeze.started", new FreezeStarted(ROOM, AUTHOR, null),
                "freeze.ended", new FreezeEnded(ROOM, AUTHOR),
                "reference.pushed", new ReferencePushed(ROOM, AUTHOR, "https://example.com"),
                "reference.opened", new ReferenceOpened(ROOM, AUTHOR, "https://example.com"),
                "reference.declined", new ReferenceDeclined(ROOM, AUTHOR, "https://example.com"),
                "snapshot.saved", new SnapshotSaved(ROOM, AUTHOR, "snap-1"));
        for (var e : events.entrySet()) {
            SchemaCatalog.assertValid("events/" + e.getKey() + ".json", mapper.writeValueAsString(e.getValue()));
        }
    }

    private JsonNode schema(String path) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + path)) {
            assertThat(in).as(path).isNotNull();
            return mapper.readTree(in);
        }
    }
}
