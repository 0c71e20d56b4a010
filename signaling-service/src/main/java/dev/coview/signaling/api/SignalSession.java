package dev.coview.signaling.api;

import dev.coview.contracts.ws.CloseCodes;
import dev.coview.signaling.routing.Departure;
import dev.coview.signaling.routing.Member;
import dev.coview.support.ws.FloodGuard;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-socket state of {@link SignalSocket}: who, its flood guard, when it was last heard, whether it said bye, and
 * whether it joined its room before it closed.
 */
final class SignalSession {

    private final Member member;
    private final ConnectionSocket socket;
    private final FloodGuard flood;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile boolean bye;
    /** JOINING, then JOINED once the router took it, CLOSED once it closed (whichever came first). */
    private final AtomicInteger phase = new AtomicInteger(JOINING);
    private static final int JOINING = 0;
    private static final int JOINED = 1;
    private static final int CLOSED = 2;

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

    /** The router took the socket; false if it closed meanwhile (then it is not announced at all). */
    boolean joined() {
        return phase.compareAndSet(JOINING, JOINED);
    }

    /** The socket closed; whether it had {@link #joined} (only then is its departure announced). */
    boolean closedAfterJoining() {
        return phase.getAndSet(CLOSED) == JOINED;
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
            case CloseCodes.REMOVED -> Departure.REMOVED;
            case CloseCodes.INVALID_PAYLOAD, CloseCodes.POLICY_VIOLATION, CloseCodes.MESSAGE_TOO_BIG -> Departure.POLICY;
            default -> Departure.DROPPED;
        };
    }
}
