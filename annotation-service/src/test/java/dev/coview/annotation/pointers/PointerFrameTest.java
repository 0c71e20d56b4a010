package dev.coview.annotation.pointers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.RoomEvent;
import dev.coview.contracts.annotation.Pointer;
import dev.coview.contracts.annotation.PointerHide;
import dev.coview.contracts.annotation.Undo;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointerFrameTest {

    private final ObjectMapper jackson = new ObjectMapper();

    private RoomEvent event(String author, AnnotationClientMessage m) {
        return new RoomEvent("q7L2x9aBcD_-Q7L2x9aBcD-1f", "room_Id-0123456789abcd", author, null, 1_763_900_000_123L, m,
                null);
    }

    @Test
    void writesWhatJacksonWritesForEveryKindOfPointerEvent() throws Exception {
        for (AnnotationClientMessage m : List.of(new Pointer(0.5, 0.25), new Pointer(0, 1), new Pointer(1.0E-4, 0.1),
                new Pointer(0.123456789012345, 0.999999999999), new PointerHide())) {
            RoomEvent e = event("AbCdEfGhIjKlMnOpQrStUv", m);
            assertThat(PointerFrame.render(e)).isEqualTo(jackson.writeValueAsString(e));
        }
    }

    @Test
    void leavesToJacksonWhatItCannotWriteVerbatim() {
        assertThat(PointerFrame.render(event("quote\"d", new Pointer(0.5, 0.5)))).isNull();
        assertThat(PointerFrame.render(event(null, new Pointer(0.5, 0.5)))).isNull();
        assertThat(PointerFrame.render(event("a", new Undo()))).isNull();
        assertThat(PointerFrame.render(event("a", new Pointer(0.5, 0.5)).sequenced(3, null))).isNull();
    }
}
