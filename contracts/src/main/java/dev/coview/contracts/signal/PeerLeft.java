package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A participant is gone: close its peer connection. Schema: {@code schemas/signal/peer-left.json}.
 *
 * @param id     participant id of who left
 * @param reason {@link #LEFT} (said {@code bye}) or {@link #LOST} (its socket did not come back within the resume
 *               grace period, or the instance it was connected to stopped answering)
 */
@JsonTypeName(PeerLeft.TYPE)
@JsonPropertyOrder({"id", "reason"})
public record PeerLeft(String id, String reason) implements ServerSignal {
    public static final String TYPE = "peer-left";
    /** The participant said {@code bye}. */
    public static final String LEFT = "left";
    /** The participant's connection was lost for longer than the grace period. */
    public static final String LOST = "lost";
}
