package dev.coview.signaling.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The compact envelope in which instances pass relayed signals on a room's channel ({@link RedisRoomBus}). */
class DeliveryEnvelopeTest {

    private static final String SIGNAL = "{\"type\":\"candidate\",\"to\":\"b\",\"from\":\"a\",\"candidate\":\"x:1\"}";

    @Test
    void carriesTheAddresseeAndTheSignalTextUnchanged() {
        BusMessage.Deliver d = RedisRoomBus.deliver(RedisRoomBus.envelope("pXk2-_9", SIGNAL));

        assertThat(d).isEqualTo(new BusMessage.Deliver("pXk2-_9", SIGNAL));
    }

    @Test
    void anAddresseeWithSeparatorsOrDigitsStaysWhole() {
        BusMessage.Deliver d = RedisRoomBus.deliver(RedisRoomBus.envelope("12:{x y}", SIGNAL));

        assertThat(d).isEqualTo(new BusMessage.Deliver("12:{x y}", SIGNAL));
    }

    @Test
    void refusesWhatIsNotAnEnvelope() {
        assertThat(RedisRoomBus.deliver("d")).isNull();
        assertThat(RedisRoomBus.deliver("dx:abc{}")).isNull();
        assertThat(RedisRoomBus.deliver("d0:{}")).isNull();
        // The length runs past the end: no signal left.
        assertThat(RedisRoomBus.deliver("d9:abc{}")).isNull();
        assertThat(RedisRoomBus.deliver("d3:abc")).isNull();
    }

    @Test
    void anUntracedRelayIsTheSameEnvelopeAsWithoutTracing() {
        String envelope = RedisRoomBus.envelope("pXk2-_9", SIGNAL);

        assertThat(RedisRoomBus.traced(null, envelope)).isSameAs(envelope);
        assertThat(RedisRoomBus.traced("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", envelope))
                .isEqualTo("t00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" + envelope);
    }
}
