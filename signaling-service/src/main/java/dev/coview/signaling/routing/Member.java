package dev.coview.signaling.routing;

import dev.coview.contracts.signal.Peer;
import dev.coview.support.auth.Participant;

/**
 * A participant connected through one socket of this instance.
 *
 * @param participant who, from the verified token
 * @param socket      where to
 */
public record Member(Participant participant, PeerSocket socket) {

    public String id() {
        return participant.id();
    }

    public String roomId() {
        return participant.roomId();
    }

    public String connectionId() {
        return socket.connectionId();
    }

    /** How the others see this participant. */
    public Peer peer() {
        return new Peer(participant.id(), participant.role().claimValue(), participant.name());
    }
}
