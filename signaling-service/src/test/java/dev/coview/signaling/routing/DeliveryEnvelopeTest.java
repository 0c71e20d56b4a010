package dev.coview.signaling.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The compact envelope in which instances pass relayed signals on a room's channel ({@link RoomChannels}). */
class DeliveryEnvelopeTest {

    private static final String SIGNAL = "{\"type\":\"candidate\",\"to\":\"b\",\"from\":\"a\",\"candidate\":\"x:1\"}";

    @Test
    void carriesTheAddresseeAndTheSignalTextUnchanged() {
        RoomBus.Deliver d = RoomChannels.deliver(RoomChannels.envelope("pXk2-_9", SIGNAL));

        assertThat(d).isEqualTo(new RoomBus.Deliver("pXk2-_9", SIGNAL));
    }

    @Test
    void anAddresseeWithSeparatorsOrDigitsStaysWhole() {
        RoomBus.Deliver d = RoomChannels.deliver(RoomChannels.envelope("12:{x y}", SIGNAL));

        assertThat(d).isEqualTo(new RoomBus.Deliver("12:{x y}", SIGNAL));
    }

    @Test
    void refusesWhatIsNotAnEnvelope() {
        assertThat(RoomChannels.deliver("d")).isNull();
        assertThat(RoomChannels.deliver("dx:abc{}")).isNull();
        assertThat(RoomChannels.deliver("d0:{}")).isNull();
        // The length runs past the end: no signal left.
        assertThat(RoomChannels.deliver("d9:abc{}")).isNull();
        assertThat(RoomChannels.deliver("d3:abc")).isNull();
    }

    @Test
    void anUntracedRelayIsTheSameEnvelopeAsWithoutTracing() {
        String envelope = RoomChannels.envelope("pXk2-_9", SIGNAL);

        assertThat(RoomChannels.traced(null, envelope)).isSameAs(envelope);
        assertThat(RoomChannels.traced("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", envelope))
                .isEqualTo("t00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" + envelope);
    }
}
