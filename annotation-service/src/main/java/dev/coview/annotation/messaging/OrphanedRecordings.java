package dev.coview.annotation.messaging;

import dev.coview.annotation.rooms.Room;
import dev.coview.contracts.annotation.Recording;
import dev.coview.contracts.annotation.RoomEvent;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.support.auth.Participant;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.CloseReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Ends a recording whose agent's page went away. A recording runs in the agent's browser: when that page closes or
 * reloads, it stops, and the customer must be told so. The page says it itself on its way out (a last
 * {@code recording} off, on {@code pagehide}), but a frame sent while the page unloads is not always delivered, and
 * the customer then kept seeing "Recording" for good. So when the recording agent's socket is closed by the browser
 * with 1001 (going away: the page unloads), this instance appends {@code recording} off on the agent's behalf, the
 * same event the page would have sent. A dropped network (no close frame) or a close by the service does not end
 * it: the page may still be recording and come back.
 */
@ApplicationScoped
public class OrphanedRecordings {

    private final EventLog log;
    private final EventIds eventIds;
    /** Set at shutdown: sockets this instance closes on its way down are not pages going away. */
    private volatile boolean stopping;

    public OrphanedRecordings(EventLog log, EventIds eventIds) {
        this.log = log;
        this.eventIds = eventIds;
    }

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** The socket of {@code who} in {@code room} closed with {@code reason} (null when it was not a clean close). */
    public void socketClosed(Participant who, Room room, CloseReason reason) {
        if (stopping || reason == null || reason.getCode() != CloseCodes.GOING_AWAY) {
            return;
        }
        String recordingId = room.recordingBy(who.id());
        if (recordingId == null) {
            return;
        }
        RoomEvent off = new RoomEvent(eventIds.next(), who.roomId(), who.id(), null, System.currentTimeMillis(),
                new Recording(false, recordingId), null);
        log.append(off).subscribe().with(
                ok -> Log.infof("recording %s ended: the agent's page went away", recordingId),
                e -> Log.warnf("could not end recording %s of a page that went away: %s", recordingId,
                        e.getMessage()));
    }
}
