package dev.coview.signaling.routing;

import dev.coview.contracts.events.ParticipantDisconnected;
import dev.coview.contracts.events.ParticipantLeft;

/** Why a socket closed, which decides what the room is told. */
public enum Departure {
    /** The client said {@code bye}: the others get {@code peer-left} (left) at once. */
    BYE(ParticipantDisconnected.BYE, true),
    /** The socket was lost: the participant stays for the resume grace period, then the others get
     *  {@code peer-left} (lost) unless it reconnected. */
    DROPPED(ParticipantDisconnected.DROPPED, false),
    /** Closed by the service for a protocol violation (flood, malformed frame): like {@link #DROPPED}. */
    POLICY(ParticipantDisconnected.POLICY, false),
    /** The same participant connected again; the new socket carries on, nobody is told. */
    REPLACED(ParticipantDisconnected.REPLACED, false),
    /** The room's agent removed the participant (closed with 4003): the others get {@code peer-left} (left) at once. */
    REMOVED(ParticipantDisconnected.REMOVED, true),
    /** The room ended: every socket closes, nobody is told {@code peer-left}. */
    ROOM_ENDED(ParticipantDisconnected.ROOM_ENDED, true);

    private final String eventReason;
    private final boolean finalLeave;

    Departure(String eventReason, boolean finalLeave) {
        this.eventReason = eventReason;
        this.finalLeave = finalLeave;
    }

    /** The {@code reason} of the {@code participant.disconnected} event. */
    public String eventReason() {
        return eventReason;
    }

    /** The {@code reason} of the {@code participant.left} event of a {@link #isFinal() final} departure. */
    public String leftReason() {
        return switch (this) {
            case ROOM_ENDED -> ParticipantLeft.ROOM_ENDED;
            case REMOVED -> ParticipantLeft.REMOVED;
            default -> ParticipantLeft.BYE;
        };
    }

    /** Whether the participant leaves the room now (no resume). */
    public boolean isFinal() {
        return finalLeave;
    }
}
