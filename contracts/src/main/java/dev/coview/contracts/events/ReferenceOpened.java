package dev.coview.contracts.events;

/**
 * Data of {@code dev.coview.reference.accepted} (annotation-service).
 * The customer opened the link the agent pushed.
 *
 * @param roomId        the room
 * @param participantId who did it
 */
public record ReferenceAccepted(String roomId, String participantId, String url) {
}
