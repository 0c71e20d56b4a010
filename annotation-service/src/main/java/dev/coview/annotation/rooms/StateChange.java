package dev.coview.annotation.rooms;

import dev.coview.contracts.annotation.Element;
import java.util.List;

/**
 * What one durable event does to its room's model: a message type's rule says it (annotation-service's
 * {@code rules} package), the room applies it under its monitor in log order.
 */
@FunctionalInterface
public interface StateChange {

    /**
     * @return the elements the event changed, as they are now; {@code null} when no element changed or clients
     *         apply the event as it is
     */
    List<Element> apply(RoomModel model, String eventId, String authorId);
}
