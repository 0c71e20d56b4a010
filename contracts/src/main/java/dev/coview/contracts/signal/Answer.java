package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A WebRTC session description of type answer, in reply to an {@link Offer}. Schema:
 * {@code schemas/signal/answer.json}.
 *
 * @param to   addressee's participant id (the offerer)
 * @param from sender's participant id, set by the service
 * @param sdp  the SDP text ({@code RTCSessionDescription.sdp})
 */
@JsonTypeName(Answer.TYPE)
@JsonPropertyOrder({"to", "from", "sdp"})
public record Answer(String to, String from, String sdp) implements Relayed {
    public static final String TYPE = "answer";

    public Answer {
        Relayed.requireId(to, "to");
        Relayed.requireSdp(sdp);
    }

    @Override
    public Answer withFrom(String sender) {
        return new Answer(to, sender, sdp);
    }
}
