package dev.coview.contracts.rooms;

import java.time.Instant;
import java.util.List;

/**
 * Answer to {@code GET /api/ice-servers}: what the browser passes to {@code new RTCPeerConnection(…)}.
 *
 * @param iceServers         what to pass as {@code RTCConfiguration.iceServers}; empty when none is configured (peers
 *                           on one network need none)
 * @param expiresAt          when the TURN credentials stop working (fetch new ones before); {@code null} without TURN
 * @param iceTransportPolicy {@code RTCConfiguration.iceTransportPolicy}: {@code relay} in a relay-only room (media
 *                           only through TURN, so neither browser learns the other's IP address), else {@code all}
 */
public record IceServers(List<IceServer> iceServers, Instant expiresAt, String iceTransportPolicy) {

    /** Every kind of candidate (host, server-reflexive, relay): the direct path when there is one. */
    public static final String ALL = "all";

    /** Relay candidates only. */
    public static final String RELAY = "relay";
}
