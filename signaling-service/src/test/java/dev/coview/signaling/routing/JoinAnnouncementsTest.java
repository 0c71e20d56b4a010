package dev.coview.signaling.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Role;
import dev.coview.contracts.signal.PeerJoined;
import dev.coview.contracts.signal.PeerLeft;
import dev.coview.contracts.signal.PeerShare;
import dev.coview.contracts.signal.Share;
import dev.coview.contracts.signal.ServerSignal;
import dev.coview.contracts.signal.Welcome;
import dev.coview.support.auth.Participant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The interleavings of two participants joining at once, as the routers see them: each one's arrival may reach the
 * other's socket before, or after, that socket's welcome listing it. Every socket hears of a peer's socket once,
 * and never before its welcome (the duplicate made the web client negotiate twice and lose the first share).
 */
class JoinAnnouncementsTest {

    private final LocalRooms rooms = new LocalRooms();

    @Test
    void aPeerJoinedThatArrivesBeforeTheWelcomeListingThatPeerIsDropped() {
        Fake agent = member("agent", Role.AGENT);
        Fake customer = member("customer", Role.CUSTOMER);
        rooms.attach(agent.member);
        rooms.attach(customer.member);

        rooms.announceJoined("room", customer.member.peer(), customer.connectionId, false);
        assertThat(agent.sent).as("nothing before the welcome").isEmpty();
        rooms.welcome(agent.member, welcome(agent, customer), Map.of("customer", customer.connectionId));

        assertThat(agent.sent).hasSize(1).first().isInstanceOf(Welcome.class);
    }

    @Test
    void aPeerJoinedThatArrivesAfterTheWelcomeListingThatPeerIsDropped() {
        Fake agent = member("agent", Role.AGENT);
        Fake customer = member("customer", Role.CUSTOMER);
        rooms.attach(agent.member);
        rooms.attach(customer.member);

        rooms.welcome(agent.member, welcome(agent, customer), Map.of("customer", customer.connectionId));
        rooms.announceJoined("room", customer.member.peer(), customer.connectionId, false);

        assertThat(agent.sent).hasSize(1).first().isInstanceOf(Welcome.class);
    }

    @Test
    void aPeerNotInTheWelcomeIsAnnouncedAfterIt() {
        Fake agent = member("agent", Role.AGENT);
        Fake customer = member("customer", Role.CUSTOMER);
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
        Fake agent = member("agent", Role.AGENT);
        Fake customer = member("customer", Role.CUSTOMER);
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
        Fake agent = member("agent", Role.AGENT);
        Fake customer = member("customer", Role.CUSTOMER);
        rooms.attach(agent.member);
        rooms.welcome(agent.member, welcome(agent, customer), Map.of("customer", customer.connectionId));

        Fake reconnected = member("customer", Role.CUSTOMER);
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
        Fake agent = member("agent", Role.AGENT);
        Fake customer = member("customer", Role.CUSTOMER);
        rooms.attach(agent.member);
        rooms.welcome(agent.member, welcome(agent), Map.of());
        rooms.detach(agent.member);

        rooms.announceJoined("room", customer.member.peer(), customer.connectionId, false);
        assertThat(agent.sent).hasSize(1);
    }

    private static Welcome welcome(Fake self, Fake... peers) {
        return new Welcome(self.member.peer(), List.of(peers).stream().map(p -> p.member.peer()).toList(), false);
    }

    private static Fake member(String id, Role role) {
        Fake f = new Fake();
        f.member = new Member(new Participant(id, "room", role, role.defaultGrants(), id, ""), f);
        return f;
    }

    private static final class Fake implements PeerSocket {
        final String connectionId = UUID.randomUUID().toString();
        final List<ServerSignal> sent = new CopyOnWriteArrayList<>();
        Member member;

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
            throw new AssertionError("not forwarded here");
        }

        @Override
        public void close(int code, String reason) {
        }
    }
}
