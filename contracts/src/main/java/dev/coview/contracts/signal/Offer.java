package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A WebRTC session description of type offer (also an ICE-restart offer). Only a participant with the
 * {@code share} grant may send one: the sharer offers, the others answer. Schema: {@code schemas/signal/offer.json}.
 *
 * @param to   addressee's participant id
 * @param from sender's participant id, set by the service
 * @param sdp  the SDP text ({@code RTCSessionDescription.sdp})
 */
@JsonTypeName(Offer.TYPE)
@JsonPropertyOrder({"to", "from", "sdp"})
public record Offer(String to, String from, String sdp) implements Relayed {
    public static final String TYPE = "offer";

    public Offer {
        Relayed.requireId(to, "to");
        Relayed.requireSdp(sdp);
    }

    @Override
    public Offer withFrom(String sender) {
        return new Offer(to, sender, sdp);
    }
}
