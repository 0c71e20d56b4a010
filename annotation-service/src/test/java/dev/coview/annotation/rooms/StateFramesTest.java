package dev.coview.annotation.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.annotation.RoomState;
import dev.coview.contracts.annotation.Element;
import dev.coview.contracts.annotation.Stroke;
import dev.coview.contracts.annotation.StrokeTool;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A late joiner's state in bounded frames (pure unit test; no infrastructure). */
class StateFramesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element stroke(String id, int points) {
        return new Element(id, "a", 1, false,
                new Stroke(id, null, StrokeTool.PEN, "#000000", 0.01, new double[points * 2]));
    }

    private static RoomState state(List<Element> elements) {
        return new RoomState(7, elements, null, List.of(), false, null, null, List.of(), null);
    }

    @Test
    void aSmallRoomIsOneStateFrame() {
        List<String> frames = StateFrames.of(state(List.of(stroke("s", 10))), 65536, StateFramesTest::json);
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0)).startsWith("{\"type\":\"state\"");
    }

    @Test
    void aLargeRoomComesInPartsOfBoundedSizeInTheRoomsOrder() throws Exception {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            elements.add(stroke("s" + i, 1000));
        }
        List<String> frames = StateFrames.of(state(elements), 16384, StateFramesTest::json);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            JsonNode frame = JSON.readTree(frames.get(i));
            assertThat(frame.get("type").asText()).isEqualTo(i == frames.size() - 1 ? "state" : "state.elements");
            frame.get("elements").forEach(e -> ids.add(e.get("id").asText()));
            // One element is about 8 KB here: a part holds what fits in 16 KiB, at least one element.
            assertThat(frames.get(i).length()).isLessThan(16384 + 100);
        }
        assertThat(frames.size()).isGreaterThan(10);
        assertThat(ids).containsExactlyElementsOf(elements.stream().map(Element::id).toList());
    }

    @Test
    void anElementLargerThanAFrameComesAlone() throws Exception {
        List<String> frames = StateFrames.of(state(List.of(stroke("a", 10), stroke("big", 5000), stroke("b", 10))),
                4096, StateFramesTest::json);
        assertThat(frames).hasSize(3);
        assertThat(JSON.readTree(frames.get(1)).get("elements")).hasSize(1);
    }
}
