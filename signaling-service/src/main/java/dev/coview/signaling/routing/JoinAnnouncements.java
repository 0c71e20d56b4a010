package dev.coview.signaling.routing;

import dev.coview.contracts.signal.Peer;
import dev.coview.contracts.signal.PeerAway;
import dev.coview.contracts.signal.PeerJoined;
import dev.coview.contracts.signal.PeerShare;
import dev.coview.contracts.signal.ServerSignal;
import dev.coview.contracts.signal.Welcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps {@code peer-joined} consistent with {@code welcome}, per socket: a socket hears of a peer's socket once,
 * either in its welcome or in one peer-joined after it. Two participants joining at the same moment each find the
 * other in presence and each publish their own arrival, so without this a socket could be told of a peer twice (its
 * welcome lists the peer, then the peer's peer-joined arrives) or before its welcome; the duplicate made the web
 * client start a second negotiation and the first share could then not reach the agent. A peer's share phase
 * ({@code peer-share}) that changes while a socket awaits its welcome is held too, and sent after the phases the
 * welcome was read with: the newer news comes last.
 */
final class JoinAnnouncements {

    /** One socket's view: the peer sockets it was told of; peer-joined held until its welcome went out. */
    private static final class Gate {
        private final Map<String, String> told = new HashMap<>();
        private final List<Pending> held = new ArrayList<>();
        private final List<PeerShare> heldShares = new ArrayList<>();
        private boolean welcomed;
    }

    private record Pending(Peer peer, String connection, boolean resumed) {
    }

    /** Socket connection id → its gate; opened when the socket joins, dropped when it leaves. */
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    /** The socket is joining: peer-joined for it waits for its welcome from now on. */
    void open(Member member) {
        gates.putIfAbsent(member.connectionId(), new Gate());
    }

    /** The socket left (or was replaced). */
    void close(Member member) {
        gates.remove(member.connectionId());
    }

    /**
     * Sends the welcome and its follow-ups, then the peer-joined and peer-share that arrived meanwhile (peer-joined
     * only for peers it does not list).
     *
     * @param connections participant id → socket connection id, for every peer the welcome lists
     * @param followUps   what the listed peers were when the welcome was read (peer-away, peer-share)
     */
    void welcome(Member member, Welcome welcome, Map<String, String> connections, List<ServerSignal> followUps) {
        Gate gate = gates.get(member.connectionId());
        if (gate == null) {
            member.socket().send(welcome);
            followUps.forEach(member.socket()::send);
            return;
        }
        synchronized (gate) {
            member.socket().send(welcome);
            followUps.forEach(member.socket()::send);
            gate.told.putAll(connections);
            gate.welcomed = true;
            for (Pending p : gate.held) {
                tell(member, gate, p);
            }
            gate.held.clear();
            gate.heldShares.forEach(member.socket()::send);
            gate.heldShares.clear();
        }
    }

    /** Tells {@code member} a peer's share phase, after its welcome. */
    void share(Member member, PeerShare share) {
        Gate gate = gates.get(member.connectionId());
        if (gate == null) {
            return;
        }
        synchronized (gate) {
            if (gate.welcomed) {
                member.socket().send(share);
            } else {
                gate.heldShares.add(share);
            }
        }
    }

    /** Tells {@code member} that {@code peer} joined through socket {@code connection}, unless it already knows. */
    void joined(Member member, Peer peer, String connection, boolean resumed) {
        Gate gate = gates.get(member.connectionId());
        if (gate == null) {
            return; // the socket is gone
        }
        synchronized (gate) {
            Pending p = new Pending(peer, connection, resumed);
            if (gate.welcomed) {
                tell(member, gate, p);
            } else {
                gate.held.add(p);
            }
        }
    }

    /**
     * The peer's socket {@code connection} dropped: tell {@code member}, unless it was already told of a newer socket
     * of that peer (the peer came back before the news of its drop travelled) or has not had its welcome yet.
     */
    void away(Member member, String peerId, String connection) {
        Gate gate = gates.get(member.connectionId());
        if (gate == null) {
            return;
        }
        synchronized (gate) {
            if (gate.welcomed && connection.equals(gate.told.get(peerId))) {
                member.socket().send(new PeerAway(peerId));
            }
        }
    }

    /** The peer left for good: a later socket of the same participant is news again. */
    void left(Member member, String peerId) {
        Gate gate = gates.get(member.connectionId());
        if (gate != null) {
            synchronized (gate) {
                gate.told.remove(peerId);
            }
        }
    }

    private static void tell(Member member, Gate gate, Pending p) {
        if (p.connection().equals(gate.told.put(p.peer().id(), p.connection()))) {
            return; // listed in the welcome (or announced already) with this very socket
        }
        member.socket().send(new PeerJoined(p.peer(), p.resumed()));
    }
}
