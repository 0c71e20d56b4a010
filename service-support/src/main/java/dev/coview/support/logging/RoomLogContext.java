package dev.coview.support.logging;

import dev.coview.support.auth.Participant;
import org.jboss.logging.MDC;

/**
 * The room and participant of the work at hand, in the logging MDC ({@code roomId}, {@code participantId}), so every
 * log line written inside a room's work names them, in all three services: plain-text logs print the MDC
 * ({@code %X}), JSON logs ({@code COVIEW_LOG_JSON=true}) carry it as {@code mdc}. Ids only, never a token or name.
 * Quarkus keeps the MDC in the Vert.x context of the request or message when there is one, and in a thread local
 * otherwise (a messaging channel's or a Redis subscriber's event loop): whoever enters a room's work on a thread
 * leaves it before that thread goes on with other work ({@link #leave}, {@link #run}), or the next line written there
 * names the wrong room and participant.
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

    /**
     * Runs {@code work} as {@code participant}'s (e.g. a callback that logs, on whatever thread completes it) and
     * restores what the thread had before; {@code null}: as it is.
     */
    public static void run(Participant participant, Runnable work) {
        Object room = MDC.get(ROOM_ID);
        Object participantId = MDC.get(PARTICIPANT_ID);
        enter(participant);
        try {
            work.run();
        } finally {
            restore(ROOM_ID, room);
            restore(PARTICIPANT_ID, participantId);
        }
    }

    private static void restore(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
