package dev.coview.contracts.events;

/**
 * Data of {@code dev.coview.freeze.ended} (annotation-service).
 * The agent unfroze the shared frame.
 *
 * @param roomId        the room
 * @param participantId who did it
 */
public record FreezeEnded(String roomId, String participantId) {
}
