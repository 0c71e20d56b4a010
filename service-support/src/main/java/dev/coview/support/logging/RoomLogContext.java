package dev.coview.support.logging;

import dev.coview.support.auth.Participant;
import org.jboss.logging.MDC;

/**
 * The room and participant of the work at hand, in the logging MDC ({@code roomId}, {@code participantId}), so every
 * log line written inside a room's work names them, in all three services: plain-text logs print the MDC
 * ({@code %X}), JSON logs ({@code COVIEW_LOG_JSON=true}) carry it as {@code mdc}. Ids only, never a token or name.
 * Quarkus keeps the MDC in the Vert.x context of the request or message when there is one.
 */
public final class RoomLogContext {

    /** MDC key of the room id. */
    public static final String ROOM_ID = "roomId";
    /** MDC key of the participant id. */
    public static final String PARTICIPANT_ID = "participantId";

    private RoomLogContext() {
    }

    /** The work at hand is {@code participant}'s, in its room. */
    public static void enter(Participant participant) {
        if (participant != null) {
            enter(participant.roomId(), participant.id());
        }
    }

    /** The work at hand is about {@code roomId}, for {@code participantId} (null: no participant, e.g. the log). */
    public static void enter(String roomId, String participantId) {
        MDC.put(ROOM_ID, roomId);
        if (participantId == null) {
            MDC.remove(PARTICIPANT_ID);
        } else {
            MDC.put(PARTICIPANT_ID, participantId);
        }
    }

    /** The room's work is done. */
    public static void leave() {
        MDC.remove(ROOM_ID);
        MDC.remove(PARTICIPANT_ID);
    }
}
