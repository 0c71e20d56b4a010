package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Asks the addressee (the offerer of the connection between the two) for an ICE restart: it answers with a new
 * {@link Offer} created with {@code iceRestart: true}. Sent by the side that saw its connection fail or that was
 * told of a resumed peer. Schema: {@code schemas/signal/restart.json}.
 *
 * @param to   addressee's participant id
 * @param from sender's participant id, set by the service
 */
@JsonTypeName(Restart.TYPE)
@JsonPropertyOrder({"to", "from"})
public record Restart(String to, String from) implements Relayed {
    public static final String TYPE = "restart";

    public Restart {
        Relayed.requireId(to, "to");
    }

    @Override
    public Restart withFrom(String sender) {
        return new Restart(to, sender);
    }
}
