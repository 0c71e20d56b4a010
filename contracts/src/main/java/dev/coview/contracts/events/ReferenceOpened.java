package dev.coview.contracts.events;

/**
 * Data of {@code dev.coview.reference.opened} (annotation-service).
 * The customer opened the link the agent pushed.
 *
 * @param roomId        the room
 * @param participantId who did it
 */
public record ReferenceOpened(String roomId, String participantId, String url) {
}
