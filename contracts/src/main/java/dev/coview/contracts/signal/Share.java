package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Set;

/**
 * The sender's screen share started ({@code active: true}) or stopped ({@code false}), and optionally where the
 * sender is in sharing ({@code phase}). Media flows peer to peer, so the service learns of a share only from this
 * message; it publishes {@code share.started} / {@code share.stopped} when {@code active} changes (and
 * {@code share.stopped} when a sharer leaves the room), and tells the room's other participants every change of the
 * phase ({@link PeerShare}), so that the agent reads the customer's state in words without guessing it. A client
 * that sends no phase (older clients) reports {@link #SHARING} or {@link #STOPPED} through {@code active}. Needs the
 * {@code share} grant. Schema: {@code schemas/signal/share.json}.
 *
 * @param active whether the share now runs (true exactly for the phases {@link #SHARING} and {@link #PAUSED})
 * @param phase  {@link #CONSENT}, {@link #CHOOSING}, {@link #SHARING}, {@link #PAUSED} or {@link #STOPPED}; null when
 *               the client does not say
 */
@JsonTypeName(Share.TYPE)
@JsonPropertyOrder({"active", "phase"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Share(Boolean active, String phase) implements ClientSignal {
    public static final String TYPE = "share";
    /** The sender reads what sharing means (the consent step), nothing shared yet. */
    public static final String CONSENT = "consent";
    /** The sender is choosing a screen, window or tab in the browser's picker. */
    public static final String CHOOSING = "choosing";
    /** The share runs. */
    public static final String SHARING = "sharing";
    /** The share runs, paused by the sender: the others see no content. */
    public static final String PAUSED = "paused";
    /** The sender stopped sharing and stays in the room. */
    public static final String STOPPED = "stopped";

    private static final Set<String> ACTIVE = Set.of(SHARING, PAUSED);
    private static final Set<String> INACTIVE = Set.of(CONSENT, CHOOSING, STOPPED);

    public Share {
        if (active == null) {
            throw new IllegalArgumentException("active is required");
        }
        if (phase != null && !(active ? ACTIVE : INACTIVE).contains(phase)) {
            throw new IllegalArgumentException(ACTIVE.contains(phase) || INACTIVE.contains(phase)
                    ? "phase " + phase + " contradicts active: " + active
                    : "phase must be one of consent, choosing, sharing, paused, stopped");
        }
    }

    /** A share without a phase (the message of older clients). */
    public Share(Boolean active) {
        this(active, null);
    }

    /** The phase this message reports: the one it names, else the one {@code active} implies. */
    public String effectivePhase() {
        return phase != null ? phase : active ? SHARING : STOPPED;
    }
}
