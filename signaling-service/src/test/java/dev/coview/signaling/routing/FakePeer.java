package dev.coview.signaling.routing;

import dev.coview.contracts.auth.Role;
import dev.coview.contracts.signal.ServerSignal;
import dev.coview.support.auth.Participant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A participant's socket for the routers' unit tests: it records what it was sent and how it was closed. The tests
 * run one instance, which never forwards serialized messages, so {@link #sendJson} fails the test.
 */
final class FakePeer implements PeerSocket {
    final String connectionId = UUID.randomUUID().toString();
    final List<ServerSignal> sent = new CopyOnWriteArrayList<>();
    final Member member;
    volatile int closedWith;
    volatile String closedReason;

    /** Participant {@code id} of {@code room} with {@code role}'s default grants, on this socket. */
    FakePeer(String room, String id, Role role) {
        member = new Member(new Participant(id, room, role, role.defaultGrants(), id, ""), this);
    }

    @Override
    public String connectionId() {
        return connectionId;
    }

    @Override
    public void send(ServerSignal message) {
        sent.add(message);
    }

    @Override
    public void sendJson(String json) {
        throw new AssertionError("a lone instance never forwards serialized messages");
    }

    @Override
    public void close(int code, String reason) {
        closedWith = code;
        closedReason = reason;
    }
}
