package dev.coview.signaling.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Role;
import dev.coview.contracts.signal.PeerJoined;
import dev.coview.contracts.signal.PeerLeft;
import dev.coview.contracts.signal.PeerShare;
import dev.coview.contracts.signal.Share;
import dev.coview.contracts.signal.Welcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The interleavings of two participants joining at once, as the routers see them: each one's arrival may reach the
 * other's socket before, or after, that socket's welcome listing it. Every socket hears of a peer's socket once,
 * and never before its welcome (the duplicate made the web client negotiate twice and lose the first share).
 */
class JoinAnnouncementsTest {

    private final LocalRooms rooms = new LocalRooms();
    /** Each test's two participants of "room" (JUnit makes a new instance per test): sockets not attached yet. */
    private final FakePeer agent = member("agent", Role.AGENT);
    private final FakePeer customer = member("customer", Role.CUSTOMER);

    @Test
    void aPeerJoinedThatArrivesBeforeTheWelcomeListingThatPeerIsDropped() {
        rooms.attach(agent.member);
        rooms.attach(customer.member);

        rooms.announceJoined("room", customer.member.peer(), customer.connectionId, false);
        assertThat(agent.sent).as("nothing before the welcome").isEmpty();
        rooms.welcome(agent.member, welcome(agent, customer), Map.of("customer", customer.connectionId));

        assertThat(agent.sent).hasSize(1).first().isInstanceOf(Welcome.class);
    }

    @Test
    void aPeerJoinedThatArrivesAfterTheWelcomeListingThatPeerIsDropped() {
        rooms.attach(agent.member);
        rooms.attach(customer.member);

        rooms.welcome(agent.member, welcome(agent, customer), Map.of("customer", customer.connectionId));
        rooms.announceJoined("room", customer.member.peer(), customer.connectionId, false);

        assertThat(agent.sent).hasSize(1).first().isInstanceOf(Welcome.class);
    }

    @Test
    void aPeerNotInTheWelcomeIsAnnouncedAfterIt() {
        rooms.attach(agent.member);
        rooms.attach(customer.member);

        rooms.announceJoined("room", customer.member.peer(), customer.connectionId, false);
        rooms.welcome(agent.member, welcome(agent), Map.of());

        assertThat(agent.sent).hasSize(2);
        assertThat(agent.sent.get(0)).isInstanceOf(Welcome.class);
        assertThat(agent.sent.get(1)).isEqualTo(new PeerJoined(customer.member.peer(), false));
    }

    @Test
    void aSharePhaseThatChangesBeforeTheWelcomeComesAfterThePhaseTheWelcomeWasReadWith() {
        rooms.attach(agent.member);
        rooms.attach(customer.member);

        // Presence said "choosing" when the welcome was read; "sharing" was published meanwhile.
        rooms.announceShare("room", new PeerShare("customer", Share.SHARING));
        assertThat(agent.sent).as("nothing before the welcome").isEmpty();
        rooms.welcome(agent.member, welcome(agent, customer), Map.of("customer", customer.connectionId),
                List.of(new PeerShare("customer", Share.CHOOSING)));

        assertThat(agent.sent).containsExactly(welcome(agent, customer), new PeerShare("customer", Share.CHOOSING),
                new PeerShare("customer", Share.SHARING));
        rooms.announceShare("room", new PeerShare("customer", Share.PAUSED));
        assertThat(agent.sent).last().isEqualTo(new PeerShare("customer", Share.PAUSED));
        assertThat(customer.sent).as("the sharer is not told its own phase").isEmpty();
    }

    @Test
    void aNewSocketOfAListedPeerAndARejoinAfterLeavingAreAnnounced() {
        rooms.attach(agent.member);
        rooms.welcome(agent.member, welcome(agent, customer), Map.of("customer", customer.connectionId));

        FakePeer reconnected = member("customer", Role.CUSTOMER);
        rooms.announceJoined("room", reconnected.member.peer(), reconnected.connectionId, true);
        rooms.announceJoined("room", reconnected.member.peer(), reconnected.connectionId, true);
        assertThat(agent.sent).as("the new socket, once").containsExactly(welcome(agent, customer),
                new PeerJoined(customer.member.peer(), true));

        rooms.announceLeft("room", new PeerLeft("customer", PeerLeft.LEFT));
        rooms.announceJoined("room", reconnected.member.peer(), reconnected.connectionId, false);
        assertThat(agent.sent).last().isEqualTo(new PeerJoined(customer.member.peer(), false));
    }

    @Test
    void aSocketThatLeftHearsNothingMore() {
        rooms.attach(agent.member);
        rooms.welcome(agent.member, welcome(agent), Map.of());
        rooms.detach(agent.member);

        rooms.announceJoined("room", customer.member.peer(), customer.connectionId, false);
        assertThat(agent.sent).hasSize(1);
    }

    private static Welcome welcome(FakePeer self, FakePeer... peers) {
        return new Welcome(self.member.peer(), List.of(peers).stream().map(p -> p.member.peer()).toList(), false);
    }

    private static FakePeer member(String id, Role role) {
        return new FakePeer("room", id, role);
    }
}
