package dev.coview.signaling.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The compact envelope in which instances pass relayed signals on a room's channel ({@link DeliveryEnvelope}). */
class DeliveryEnvelopeTest {

    private static final String SIGNAL = "{\"type\":\"candidate\",\"to\":\"b\",\"from\":\"a\",\"candidate\":\"x:1\"}";

    @Test
    void carriesTheAddresseeAndTheSignalTextUnchanged() {
        BusMessage.Deliver d = DeliveryEnvelope.read(DeliveryEnvelope.write("pXk2-_9", SIGNAL));

        assertThat(d).isEqualTo(new BusMessage.Deliver("pXk2-_9", SIGNAL));
    }

    @Test
    void anAddresseeWithSeparatorsOrDigitsStaysWhole() {
        BusMessage.Deliver d = DeliveryEnvelope.read(DeliveryEnvelope.write("12:{x y}", SIGNAL));

        assertThat(d).isEqualTo(new BusMessage.Deliver("12:{x y}", SIGNAL));
    }

    @Test
    void refusesWhatIsNotAnEnvelope() {
        assertThat(DeliveryEnvelope.read("d")).isNull();
        assertThat(DeliveryEnvelope.read("dx:abc{}")).isNull();
        assertThat(DeliveryEnvelope.read("d0:{}")).isNull();
        // The length runs past the end: no signal left.
        assertThat(DeliveryEnvelope.read("d9:abc{}")).isNull();
        assertThat(DeliveryEnvelope.read("d3:abc")).isNull();
    }

    @Test
    void anUntracedRelayIsTheSameEnvelopeAsWithoutTracing() {
        String envelope = DeliveryEnvelope.write("pXk2-_9", SIGNAL);

        assertThat(DeliveryEnvelope.traced(null, envelope)).isSameAs(envelope);
        assertThat(DeliveryEnvelope.traced("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", envelope))
                .isEqualTo("t00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" + envelope);
    }

    @Test
    void readFromTheBytesRedisHandedOverItIsTheSameAsFromTheText() {
        for (String to : new String[] {"pXk2-_9", "12:{x y}", "zoë-ä", "👩‍💻"}) {
            String signal = "{\"type\":\"candidate\",\"to\":\"" + to + "\",\"candidate\":\"é 中 😀\"}";
            String envelope = DeliveryEnvelope.write(to, signal);

            assertThat(DeliveryEnvelope.read(bytes(envelope), 0)).as(to)
                    .isEqualTo(DeliveryEnvelope.read(envelope))
                    .isEqualTo(new BusMessage.Deliver(to, signal));
        }
    }

    @Test
    void aTracedEnvelopeIsReadAfterItsTraceparent() {
        String traced = DeliveryEnvelope.traced("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                DeliveryEnvelope.write("pXk2-_9", SIGNAL));

        assertThat(DeliveryEnvelope.read(bytes(traced), DeliveryEnvelope.TRACED_START))
                .isEqualTo(new BusMessage.Deliver("pXk2-_9", SIGNAL));
    }

    @Test
    void refusesFromTheBytesWhatIsNotAnEnvelope() {
        for (String text : new String[] {"", "d", "d1:", "dx:abc{}", "d:abc{}", "d0:{}", "d9:abc{}", "d3:abc",
                "d99999999999:ab{}", "{\"kind\":\"left\"}", "d-1:ab{}"}) {
            assertThat(DeliveryEnvelope.read(bytes(text), 0)).as(text).isNull();
        }
    }

    private static Buffer bytes(String text) {
        return Buffer.buffer(text.getBytes(StandardCharsets.UTF_8));
    }
}
