package dev.coview.room.api;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/rooms} (optional).
 *
 * @param name the agent's display name, shown to the customer
 */
public record CreateRoomRequest(@Size(max = 80) String name) {
}
