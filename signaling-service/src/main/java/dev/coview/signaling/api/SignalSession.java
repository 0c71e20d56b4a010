package dev.coview.signaling.api;

import dev.coview.contracts.ws.CloseCodes;
import dev.coview.signaling.routing.Departure;
import dev.coview.signaling.routing.Member;
import dev.coview.support.ws.FloodGuard;

/** Per-socket state of {@link SignalSocket}: who, its flood guard, when it was last heard, and whether it said bye. */
final class SignalSession {

    private final Member member;
    private final ConnectionSocket socket;
    private final FloodGuard flood;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile boolean bye;

    SignalSession(Member member, ConnectionSocket socket, FloodGuard flood) {
        this.member = member;
        this.socket = socket;
        this.flood = flood;
    }

    Member member() {
        return member;
    }

    ConnectionSocket socket() {
        return socket;
    }

    FloodGuard flood() {
        return flood;
    }

    /** Something (a message or a pong) arrived. */
    void heard(long nowNanos) {
        lastHeardNanos = nowNanos;
    }

    long lastHeardNanos() {
        return lastHeardNanos;
    }

    void bye() {
        bye = true;
    }

    /** Why the socket closed, from what the service did to it (or the client said). */
    Departure departure() {
        if (bye) {
            return Departure.BYE;
        }
        return switch (socket.closeCode()) {
            case CloseCodes.REPLACED -> Departure.REPLACED;
            case CloseCodes.ROOM_ENDED -> Departure.ROOM_ENDED;
            case CloseCodes.INVALID_PAYLOAD, CloseCodes.POLICY_VIOLATION, CloseCodes.MESSAGE_TOO_BIG -> Departure.POLICY;
            default -> Departure.DROPPED;
        };
    }
}
