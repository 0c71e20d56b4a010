package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import dev.coview.reliability.testing.Http;
import dev.coview.reliability.testing.Peer;
import dev.coview.reliability.testing.Signals;
import dev.coview.reliability.testing.Stack;
import dev.coview.reliability.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every client message type of {@code /ws/signal} × every role, with the real tokens room-service issues (agent,
 * customer by join code, observer): allowed or refused with {@code error forbidden} exactly as signaling's
 * MessagePolicy and its README specify — {@code offer} and {@code share} need the {@code share} grant (the
 * customer's), everything else is open to every participant. The grant decides, not the role: a customer token
 * without {@code share} is refused, an agent token with it is allowed.
 */
@Order(1)
class GrantMatrixIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private final List<Peer> peers = new ArrayList<>();

    @AfterEach
    void close() {
        peers.forEach(Peer::close);
    }

    @Test
    void everyMessageTypeTimesEveryRoleIsAllowedOrForbiddenAsSpecified() {
        Stack stack = Stack.get();
        JsonNode room = Http.createRoom();
        String customerToken = Http.joinAsCustomer(room).get("token").asText();
        String observerToken = Http.addObserver(room).get("token").asText();
        Map<Role, String> tokens = new LinkedHashMap<>();
        tokens.put(Role.AGENT, room.get("token").asText());
        tokens.put(Role.CUSTOMER, customerToken);
        tokens.put(Role.OBSERVER, observerToken);

        Map<String, String> observed = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            for (String type : Signals.CLIENT_TYPES) {
                boolean needsShare = type.equals("offer") || type.equals("share");
                expected.put(role.claimValue() + " × " + type,
                        needsShare && !role.defaultGrants().contains(Grant.SHARE) ? "forbidden" : "allowed");
            }
        }
        for (Role role : Role.values()) {
            // The sender on instance B, the receiver on A: the matrix holds across instances.
            Peer receiver = join(stack.signalingA().port(),
                    Tokens.valid(room.get("roomId").asText(), Tokens.randomId(), Role.OBSERVER));
            Peer sender = join(stack.signalingB().port(), tokens.get(role));
            String receiverId = receiver.inbox().next("welcome", WAIT).at("/you/id").asText();
            sender.inbox().next("welcome", WAIT);
            for (String type : Signals.CLIENT_TYPES) {
                observed.put(role.claimValue() + " × " + type, attempt(sender, receiver, receiverId, type));
            }
            receiver.close();
        }
        System.out.println("Grant matrix (signaling):");
        observed.forEach((k, v) -> System.out.println("  " + k + " -> " + v));
        assertThat(observed).containsExactlyEntriesOf(expected);
    }

    @Test
    void theGrantDecidesNotTheRole() {
        Stack stack = Stack.get();
        String room = Tokens.randomId();
        Peer receiver = join(stack.signalingA().port(), Tokens.valid(room, Tokens.randomId(), Role.OBSERVER));
        String receiverId = receiver.inbox().next("welcome", WAIT).at("/you/id").asText();

        Peer narrowCustomer = join(stack.signalingB().port(),
                Tokens.withGrants(room, Tokens.randomId(), Role.CUSTOMER, EnumSet.of(Grant.ANNOTATE)));
        narrowCustomer.inbox().next("welcome", WAIT);
        assertThat(attempt(narrowCustomer, receiver, receiverId, "offer")).isEqualTo("forbidden");
        assertThat(attempt(narrowCustomer, receiver, receiverId, "share")).isEqualTo("forbidden");

        Peer sharingAgent = join(stack.signalingB().port(),
                Tokens.withGrants(room, Tokens.randomId(), Role.AGENT, EnumSet.of(Grant.SHARE, Grant.ADMIN)));
        sharingAgent.inbox().next("welcome", WAIT);
        assertThat(attempt(sharingAgent, receiver, receiverId, "offer")).isEqualTo("allowed");
        assertThat(attempt(sharingAgent, receiver, receiverId, "share")).isEqualTo("allowed");

        Peer noGrants = join(stack.signalingB().port(),
                Tokens.withGrants(room, Tokens.randomId(), Role.CUSTOMER, Set.of()));
        noGrants.inbox().next("welcome", WAIT);
        for (String type : List.of("answer", "candidate", "restart")) {
            assertThat(attempt(noGrants, receiver, receiverId, type)).as(type).isEqualTo("allowed");
        }
    }

    /**
     * Sends one message of {@code type} and tells what became of it. A barrier follows every message: a
     * {@code restart} to the receiver, which every participant may send. Messages of one socket are handled in
     * order, so when the barrier arrives the message before it has been delivered or refused.
     */
    private static final List<String> RELAYED = List.of(Signals.CLIENT_TYPES);

    private static String attempt(Peer sender, Peer receiver, String receiverId, String type) {
        int errorsBefore = sender.inbox().errors();
        sender.send(Signals.of(type, receiverId));
        if (type.equals("bye")) {
            int code = sender.inbox().closeCode(WAIT);
            JsonNode left = receiver.inbox().nextOfType("peer-left", WAIT);
            assertThat(left.get("reason").asText()).isEqualTo("left");
            return code == 1000 ? "allowed" : "closed " + code;
        }
        if (type.equals("share")) {
            sender.send(Signals.share(false));
        }
        sender.send(Signals.restart(receiverId));
        JsonNode first = nextRelayedOrError(sender, receiver);
        if (first.path("type").asText().equals("error")) {
            String code = first.get("code").asText();
            if (type.equals("share")) {
                // share true and share false are both refused; skip the second error.
                sender.inbox().nextOfType("error", WAIT);
            }
            JsonNode barrier = receiver.inbox().nextOfType("restart", WAIT);
            assertThat(barrier.get("to").asText()).isEqualTo(receiverId);
            return code;
        }
        if (!type.equals("share") && !type.equals("restart")) {
            assertThat(first.path("type").asText()).as("delivered first").isEqualTo(type);
            receiver.inbox().nextOfType("restart", WAIT);
        } else if (type.equals("restart")) {
            receiver.inbox().nextOfType("restart", WAIT);
        }
        assertThat(sender.inbox().errors()).as("no error for an allowed %s", type).isEqualTo(errorsBefore);
        return "allowed";
    }

    /** Whichever comes first: an error to the sender, or a relayed client message to the receiver. */
    private static JsonNode nextRelayedOrError(Peer sender, Peer receiver) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode error = sender.inbox().poll(Duration.ofMillis(20));
            // The sender may also hear presence news (a peer-joined arriving late across instances on a loaded
            // machine): only an error answers the attempt.
            if (error != null && error.path("type").asText().equals("error")) {
                return error;
            }
            JsonNode m = receiver.inbox().poll(Duration.ofMillis(20));
            // Only a relayed client message counts, not presence news.
            if (m != null && m.has("from") && RELAYED.contains(m.path("type").asText())) {
                return m;
            }
        }
        throw new AssertionError("neither an error nor a delivery within " + WAIT);
    }

    private Peer join(int port, String token) {
        Peer p = Peer.connect(port, token);
        peers.add(p);
        return p;
    }
}
