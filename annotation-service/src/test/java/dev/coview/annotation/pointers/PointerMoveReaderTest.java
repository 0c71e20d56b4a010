package dev.coview.annotation.pointers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.Pointer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PointerMoveReaderTest {

    private final ObjectMapper jackson = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "0.5", "0.25", "1e-7", "1E-7", "5e-1", "0.5E+0", "-0", "-0.0", "1.5", "1e999",
            "123456789012345678901234567890", "0.30000000000000004", "4.9e-324", "0.1234567890123456789"})
    void readsTheNumbersAsJacksonDoes(String number) throws Exception {
        String text = "{\"type\":\"pointer\",\"x\":" + number + ",\"y\":" + number + "}";
        assertThat(PointerMoveReader.read(text)).isEqualTo(jackson(text));
    }

    @Test
    void readsWhatTheWebClientSendsAsJacksonDoes() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            String text = "{\"type\":\"pointer\",\"x\":" + random.nextDouble() + ",\"y\":" + random.nextDouble() + "}";
            assertThat(PointerMoveReader.read(text)).as(text).isEqualTo(jackson(text));
        }
    }

    /** Not the canonical form (or not JSON at all): left to the general decoder, which decides as before. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"pointer\",\"x\":0.5}",
        "{\"type\":\"pointer\",\"x\":0.5,\"y\":0.5,\"z\":1}",
        "{\"type\":\"pointer\",\"y\":0.5,\"x\":0.5}",
        "{\"type\":\"pointer\", \"x\":0.5,\"y\":0.5}",
        "{\"type\":\"pointer\",\"x\": 0.5,\"y\":0.5}",
        "{\"type\":\"pointer\",\"x\":0.5,\"y\":0.5 }",
        "{\"type\":\"pointer\",\"x\":\"0.5\",\"y\":0.5}",
        "{\"type\":\"pointer\",\"x\":NaN,\"y\":0.5}",
        "{\"type\":\"pointer\",\"x\":Infinity,\"y\":0.5}",
        "{\"type\":\"pointer\",\"x\":.5,\"y\":0.5}",
        "{\"type\":\"pointer\",\"x\":01,\"y\":0.5}",
        "{\"type\":\"pointer\",\"x\":1.,\"y\":0.5}",
        "{\"type\":\"pointer\",\"x\":1e,\"y\":0.5}",
        "{\"type\":\"pointer\",\"x\":-,\"y\":0.5}",
        "{\"type\":\"pointer\",\"x\":+1,\"y\":0.5}",
        "{\"type\":\"pointer\",\"x\":0.5,\"y\":0.5}}",
        "{\"type\":\"pointer\",\"x\":0.5,\"y\":0.5}x",
        "{\"type\":\"pointer\",\"x\":0.5,\"y\":}",
        "{\"type\":\"pointer\",\"x\":0.5,\"y\":0x1}",
        "{\"type\":\"pointer.hide\"}",
        "{\"type\":\"pointer\",\"x\":"})
    void leavesEverythingElseToTheDecoder(String text) {
        assertThat(PointerMoveReader.read(text)).isNull();
    }

    private Pointer jackson(String text) throws Exception {
        return (Pointer) jackson.readValue(text, AnnotationClientMessage.class);
    }
}
