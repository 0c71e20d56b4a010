package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * First message on every socket: who the client is and who else is in the room, across all instances. Schema:
 * {@code schemas/signal/welcome.json}.
 *
 * @param you     the client itself
 * @param peers   the other participants of the room, connected or within their resume grace period
 * @param resumed {@code true} when this socket resumed the participant's earlier session (a reconnect within the
 *                grace period): the peers were told with {@code peer-joined resumed: true} and restart ICE
 */
@JsonTypeName(Welcome.TYPE)
@JsonPropertyOrder({"you", "peers", "resumed"})
public record Welcome(Peer you, List<Peer> peers, boolean resumed) implements ServerSignal {
    public static final String TYPE = "welcome";

    public Welcome {
        peers = List.copyOf(peers);
    }
}
