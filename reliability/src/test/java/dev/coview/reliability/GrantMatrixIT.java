package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import dev.coview.reliability.testing.Http;
import dev.coview.reliability.testing.Outcomes;
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
        Outcomes.printAndCompare("Grant matrix (signaling)", observed, expected);
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
     * Sends one message of {@code type} and tells what became of it. Two barriers follow it. For the sender: a
     * signal to a participant who does not exist, which the service answers with {@code unknown-peer} after every
     * earlier message of this socket was handled and its answer written (a socket's messages are handled in order,
     * and its frames leave in order), so an error before that answer is this message's verdict. For the receiver:
     * a {@code restart}, which every participant may send, so a relayed message arrives before it or not at all.
     * An error to the sender and a delivery to the receiver travel different ways (the delivery through Redis and
     * another instance), so which one comes first says nothing.
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
        String nobody = "nobody-" + Tokens.randomId();
        sender.send(Signals.restart(nobody));
        sender.send(Signals.restart(receiverId));
        String verdict = "allowed";
        int refusals = 0;
        while (true) {
            JsonNode error = sender.inbox().nextOfType("error", WAIT);
            if (error.get("code").asText().equals("unknown-peer") && error.get("message").asText().contains(nobody)) {
                break;
            }
            if (refusals++ == 0) {
                verdict = error.get("code").asText();
            }
        }
        // share true and share false are refused alike: two errors, one verdict.
        assertThat(refusals).as("errors for %s", type).isEqualTo(verdict.equals("allowed") ? 0
                : type.equals("share") ? 2 : 1);
        assertThat(sender.inbox().errors()).isEqualTo(errorsBefore + refusals + 1);
        JsonNode first = nextRelayed(receiver);
        if (verdict.equals("allowed") && !type.equals("share")) {
            assertThat(first.path("type").asText()).as("delivered before the barrier").isEqualTo(type);
            first = nextRelayed(receiver);
        }
        assertThat(first.path("type").asText()).as("the barrier, with nothing refused before it")
                .isEqualTo("restart");
        assertThat(first.get("to").asText()).isEqualTo(receiverId);
        return verdict;
    }

    /** The receiver's next relayed client message, skipping presence news. */
    private static JsonNode nextRelayed(Peer receiver) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode m = receiver.inbox().poll(Duration.ofMillis(50));
            if (m != null && m.has("from") && RELAYED.contains(m.path("type").asText())) {
                return m;
            }
        }
        throw new AssertionError("no relayed message within " + WAIT);
    }

    private Peer join(int port, String token) {
        Peer p = Peer.connect(port, token);
        peers.add(p);
        return p;
    }
}
