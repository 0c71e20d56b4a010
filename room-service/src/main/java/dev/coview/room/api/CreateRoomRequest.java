package dev.coview.room.api;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/rooms} (optional).
 *
 * @param name      the agent's display name, shown to the customer
 * @param relayOnly media only through the TURN relay ({@code iceTransportPolicy: relay}), so the customer's IP
 *                  address never reaches the agent's browser (nor the agent's the customer's); absent: the
 *                  deployment's default ({@code coview.room.ice.relay-only})
 */
public record CreateRoomRequest(@Size(max = 80) String name, Boolean relayOnly) {
}
