package dev.coview.contracts.annotation;

import java.util.List;

/**
 * One event of the room, as the service stamped it. The same record (without {@code seq} and
 * {@code changes}) is the value of the Kafka record on {@code coview.annotations} or {@code coview.pointers}.
 *
 * @param eventId  unique id the service gave the event; a redelivered record with a known id is ignored
 * @param roomId   the room
 * @param authorId participant who sent it
 * @param seq      the room's sequence number (1, 2, …): set for durable events, absent for pointer traffic
 * @param ts       when the service accepted it, epoch milliseconds
 * @param event    what the participant sent
 * @param changes  elements the event changed, as they are now (drawing events only; for undo, redo, erase and
 *                 clear this is how a client learns what changed)
 */
public record RoomEvent(String eventId, String roomId, String authorId, Long seq, long ts,
                        AnnotationClientMessage event, List<Element> changes) implements AnnotationServerMessage {
    public static final String TYPE = "event";

    /** The same event with the room's {@code seq} and the elements it changed. */
    public RoomEvent sequenced(long seq, List<Element> changes) {
        return new RoomEvent(eventId, roomId, authorId, seq, ts, event, changes);
    }
}
