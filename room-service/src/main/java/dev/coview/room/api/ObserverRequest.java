package dev.coview.room.api;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/rooms/{id}/observers} (optional).
 *
 * @param name the observer's display name (a supervisor, a trainee)
 */
public record ObserverRequest(@Size(max = 80) String name) {
}
