package dev.coview.contracts.events;

/**
 * Data of {@code dev.coview.reference.declined} (annotation-service).
 * The customer declined the link the agent pushed.
 *
 * @param roomId        the room
 * @param participantId who did it
 */
public record ReferenceDeclined(String roomId, String participantId, String url) {
}
