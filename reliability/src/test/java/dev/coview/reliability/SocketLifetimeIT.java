package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Role;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.reliability.testing.Annotations;
import dev.coview.reliability.testing.Peer;
import dev.coview.reliability.testing.Stack;
import dev.coview.reliability.testing.Tokens;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 24 items 2 and 7: what a socket may not outlive. A token expiring in a few seconds opens both sockets (the
 * upgrade allows clock skew) and both are closed with 4001 when it expires (before, they stayed open for as long as
 * the client liked); a participant's second annotation socket, on the other instance, replaces the first with 4002,
 * as signaling does. Packaged services, real Redis and Kafka.
 */
@Order(15)
class SocketLifetimeIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void socketsCloseWhenTheirTokenExpires() {
        Stack stack = Stack.get();
        String room = Tokens.randomId();
        String token = Tokens.expiringIn(room, Tokens.randomId(), Role.CUSTOMER, Duration.ofSeconds(3));
        Map<String, Integer> observed = new LinkedHashMap<>();
        try (Peer signal = Peer.connect(stack.signalingA().port(), token);
             Peer annotations = Annotations.connect(stack.annotationB(), token)) {
            annotations.inbox().next("state", WAIT);
            observed.put("/ws/signal", signal.inbox().closeCode(WAIT));
            observed.put("/ws/annotations", annotations.inbox().closeCode(WAIT));
        }
        System.out.println("sockets at token expiry: " + observed);
        assertThat(observed).containsEntry("/ws/signal", CloseCodes.UNAUTHORIZED)
                .containsEntry("/ws/annotations", CloseCodes.UNAUTHORIZED);
    }

    @Test
    void aParticipantsNewerAnnotationSocketReplacesTheOlderOnAnyInstance() {
        Stack stack = Stack.get();
        String room = Tokens.randomId();
        String token = Tokens.valid(room, Tokens.randomId(), Role.AGENT);
        try (Peer older = Annotations.connect(stack.annotationA(), token);
             Peer sameInstance = Annotations.connect(stack.annotationA(), token)) {
            older.inbox().next("state", WAIT);
            sameInstance.inbox().next("state", WAIT);
            int first = older.inbox().closeCode(WAIT);
            try (Peer otherInstance = Annotations.connect(stack.annotationB(), token)) {
                otherInstance.inbox().next("state", WAIT);
                int second = sameInstance.inbox().closeCode(WAIT);
                System.out.printf("one socket per participant: older socket closed %d (same instance), %d (newer "
                        + "socket on the other instance)%n", first, second);
                assertThat(first).isEqualTo(CloseCodes.REPLACED);
                assertThat(second).isEqualTo(CloseCodes.REPLACED);
                otherInstance.send(Annotations.stroke("still-here"));
                assertThat(otherInstance.inbox().next("event", WAIT).path("event").path("id").asText())
                        .isEqualTo("still-here");
            }
        }
    }
}
