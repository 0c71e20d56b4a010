package dev.coview.signaling.routing;

import dev.coview.contracts.signal.Peer;

/**
 * One field of a room's presence hash ({@code signal:{roomId}:presence}), as JSON: where a participant's socket is
 * and what the room knows of it.
 *
 * @param instance   id of the signaling-service instance holding the socket (or, when away, the one that held it)
 * @param connection websockets-next connection id of that socket
 * @param role       {@code agent}, {@code customer} or {@code observer}
 * @param name       display name
 * @param sharing    whether the participant's client reported a running screen share
 * @param sharePhase where the participant's client last said it is in sharing ({@code share}'s phase), told to
 *                   the others as {@code peer-share}; null until it reported one (and in entries of older versions)
 * @param away       the socket dropped; the participant is within its resume grace period
 */
public record PresenceEntry(String instance, String connection, String role, String name, boolean sharing,
                            String sharePhase, boolean away) {

    /** The participant as the others see it. */
    public Peer peer(String participantId) {
        return new Peer(participantId, role, name);
    }

    public PresenceEntry withShare(boolean active, String phase) {
        return new PresenceEntry(instance, connection, role, name, active, phase, away);
    }

    public PresenceEntry asAway() {
        return new PresenceEntry(instance, connection, role, name, sharing, sharePhase, true);
    }
}
