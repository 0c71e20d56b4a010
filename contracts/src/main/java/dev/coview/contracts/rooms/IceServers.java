package dev.coview.contracts.rooms;

import java.time.Instant;
import java.util.List;

/**
 * Answer to {@code GET /api/ice-servers}.
 *
 * @param iceServers what to pass as {@code RTCConfiguration.iceServers}; empty when none is configured (peers on one
 *                   network need none)
 * @param expiresAt  when the TURN credentials stop working (fetch new ones before); {@code null} without TURN
 */
public record IceServers(List<IceServer> iceServers, Instant expiresAt) {
}
