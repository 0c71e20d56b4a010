package dev.coview.signaling.routing;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.coview.contracts.signal.Peer;
import dev.coview.contracts.signal.ServerSignal;

/**
 * What signaling-service instances tell each other on a room's {@link RoomBus} (in Redis, the room's channel
 * {@code signal:{roomId}}). Internal to this service (clients never see it); every instance subscribed to the room,
 * the sender's included, acts on each message for its own sockets. {@code joined}, {@code away}, {@code left} and
 * {@code shared} travel as JSON with a {@code kind}; {@link Deliver}, the one per relayed message, in a compact
 * envelope of its own ({@link RedisRoomBus}), so no instance parses the signal.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = BusMessage.Joined.class, name = "joined"),
        @JsonSubTypes.Type(value = BusMessage.Away.class, name = "away"),
        @JsonSubTypes.Type(value = BusMessage.Left.class, name = "left"),
        @JsonSubTypes.Type(value = BusMessage.Shared.class, name = "shared"),
})
public sealed interface BusMessage {

    /** Sends {@code json} (a serialized {@link ServerSignal}) to participant {@code to} if its socket is here. */
    record Deliver(String to, String json) implements BusMessage {
    }

    /**
     * A participant connected through socket {@code connection} on instance {@code instance}: tell the others; close
     * its older socket on another instance ({@code instance} null: sent by an instance of an older release).
     */
    record Joined(Peer peer, String connection, boolean resumed, String instance) implements BusMessage {
    }

    /** A participant's socket {@code connection} dropped; it is within its resume grace period: tell the others. */
    record Away(String id, String connection) implements BusMessage {
    }

    /** A participant is gone for good: tell the others. */
    record Left(String id, String reason) implements BusMessage {
    }

    /** A participant's share phase changed ({@code share}'s phase): tell the others ({@code peer-share}). */
    record Shared(String id, String phase) implements BusMessage {
    }
}
