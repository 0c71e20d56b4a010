package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The sender's screen share started ({@code active: true}) or stopped ({@code false}). Media flows peer to peer,
 * so the service learns of a share only from this message; it publishes {@code share.started} /
 * {@code share.stopped} when the state changes (and {@code share.stopped} when a sharer leaves the room). Needs
 * the {@code share} grant. Schema: {@code schemas/signal/share.json}.
 *
 * @param active whether the share now runs
 */
@JsonTypeName(Share.TYPE)
public record Share(Boolean active) implements ClientSignal {
    public static final String TYPE = "share";

    public Share {
        if (active == null) {
            throw new IllegalArgumentException("active is required");
        }
    }
}
