package dev.coview.signaling.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Role;
import dev.coview.contracts.signal.Offer;
import dev.coview.contracts.signal.PeerAway;
import dev.coview.contracts.signal.PeerJoined;
import dev.coview.contracts.signal.PeerLeft;
import dev.coview.contracts.signal.PeerShare;
import dev.coview.contracts.signal.Share;
import dev.coview.contracts.signal.Welcome;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.signaling.events.SignalEvents;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The router's rules on its in-memory parts (one instance), on recording fake sockets; the same rules over the
 * Redis parts are tested through the endpoint ({@code SignalSocketTest}) and across instances
 * ({@code CrossInstanceSignalingIT}, reliability). Pure unit test (a bare Vert.x for the grace timer); no Redis, no
 * Kafka.
 */
class SignalRouterTest {

    private final Vertx vertx = Vertx.vertx();
    private final QuietEvents events = new QuietEvents();
    private final SignalRouter router = SignalRouter.inMemory(new LocalRooms(), events, vertx, Duration.ofMillis(300));

    @AfterEach
    void closeVertx() {
        vertx.close();
    }

    @Test
    void welcomesJoinersRelaysWithinTheRoomOnlyAndTellsPeersWhoLeft() throws Exception {
        FakePeer agent = member("room-1", "agent", Role.AGENT);
        FakePeer customer = member("room-1", "customer", Role.CUSTOMER);
        FakePeer stranger = member("room-2", "stranger", Role.AGENT);
        router.join(agent.member).await().indefinitely();
        router.join(stranger.member).await().indefinitely();
        assertThat(router.join(customer.member).await().indefinitely()).isFalse();

        assertThat(customer.sent.get(0)).isInstanceOfSatisfying(Welcome.class,
                w -> assertThat(w.peers()).extracting(p -> p.id()).containsExactly("agent"));
        assertThat(agent.sent).last().isInstanceOfSatisfying(PeerJoined.class,
                j -> assertThat(j.peer().id()).isEqualTo("customer"));

        assertThat(answer(router.relay(customer.member, new Offer("agent", null, "v=0")))).isTrue();
        assertThat(agent.sent).last().isEqualTo(new Offer("agent", "customer", "v=0"));
        assertThat(answer(router.relay(customer.member, new Offer("stranger", null, "v=0")))).isFalse();
        assertThat(stranger.sent).hasSize(1); // its welcome, nothing else

        router.leave(customer.member, Departure.BYE).await().indefinitely();
        assertThat(agent.sent).last().isEqualTo(new PeerLeft("customer", PeerLeft.LEFT));
        assertThat(events.left).containsExactly("room-1/customer/customer/bye");
    }

    /** The endpoint's synchronous path for a peer on this instance: the same rules as {@link SignalRouter#relay}. */
    @Test
    void aSignalToAPeerHereIsDeliveredAtOnceStampedNeverToItsSenderOrIntoAnotherRoom() {
        FakePeer agent = member("room-1", "agent", Role.AGENT);
        FakePeer customer = member("room-1", "customer", Role.CUSTOMER);
        FakePeer stranger = member("room-2", "stranger", Role.AGENT);
        List.of(agent, stranger, customer).forEach(f -> router.join(f.member).await().indefinitely());
        int customerHad = customer.sent.size();

        assertThat(router.deliverHere(customer.member, new Offer("agent", "forged", "v=0"))).isTrue();
        assertThat(agent.sent).last().isEqualTo(new Offer("agent", "customer", "v=0"));
        assertThat(router.deliverHere(customer.member, new Offer("customer", null, "v=0"))).isFalse();
        assertThat(router.deliverHere(customer.member, new Offer("stranger", null, "v=0"))).isFalse();
        assertThat(customer.sent).hasSize(customerHad);
        assertThat(stranger.sent).hasSize(1); // its welcome, nothing else
    }

    /**
     * Shutting down closes every socket of the instance: their presence is left to expire (the participants resume
     * elsewhere within the grace), nothing is written or published for them. It used to try, and log one warning per
     * socket when the closing Redis client refused.
     */
    @Test
    void socketsClosedByAStoppingInstanceLeavePresenceToExpire() {
        FakePeer agent = joined("room", "agent", Role.AGENT);
        FakePeer customer = joined("room", "customer", Role.CUSTOMER);
        int agentHad = agent.sent.size();

        router.stop();
        router.leave(customer.member, Departure.DROPPED).await().indefinitely();

        assertThat(agent.sent).as("nothing published for the closed socket").hasSize(agentHad);
        assertThat(router.deliverHere(agent.member, new Offer("customer", null, "v=0"))).as("detached here").isFalse();
    }

    @Test
    void aDroppedParticipantResumesWithinTheGraceAndIsLostAfterIt() {
        FakePeer agent = joined("room", "agent", Role.AGENT);
        FakePeer customer = joined("room", "customer", Role.CUSTOMER);

        router.leave(customer.member, Departure.DROPPED).await().indefinitely();
        assertThat(agent.sent).as("told at once, not when the grace period ends").last()
                .isEqualTo(new PeerAway("customer"));
        // Somebody who arrives meanwhile hears of the participant in its welcome, and that it is away.
        FakePeer observer = joined("room", "observer", Role.OBSERVER);
        assertThat(observer.sent).element(1).isEqualTo(new PeerAway("customer"));
        FakePeer back = member("room", "customer", Role.CUSTOMER);
        assertThat(router.join(back.member).await().indefinitely()).as("resumed").isTrue();
        assertThat(agent.sent).last().isEqualTo(new PeerJoined(back.member.peer(), true));

        router.leave(back.member, Departure.DROPPED).await().indefinitely();
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> agent.sent.get(agent.sent.size() - 1) instanceof PeerLeft);
        assertThat(agent.sent).last().isEqualTo(new PeerLeft("customer", PeerLeft.LOST));
        // The first socket's grace timer ran out earlier, while the participant was back: no departure then. The
        // timer publishes participant.left just after it told the room, on its own thread: waited for, not raced.
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events.left)
                .as("participant.left once, when the last grace ran out")
                .containsExactly("room/customer/customer/lost"));
    }

    @Test
    void theSharersPhaseIsToldToTheOthersOnEveryChangeAndAfterTheWelcomeOfWhoArrivesLater() {
        FakePeer agent = joined("room", "agent", Role.AGENT);
        FakePeer customer = joined("room", "customer", Role.CUSTOMER);

        assertThat(router.share(customer.member, new Share(false, Share.CONSENT)).await().indefinitely())
                .as("not active: no share event").isFalse();
        assertThat(agent.sent).last().isEqualTo(new PeerShare("customer", Share.CONSENT));
        router.share(customer.member, new Share(false, Share.CHOOSING)).await().indefinitely();
        assertThat(agent.sent).last().isEqualTo(new PeerShare("customer", Share.CHOOSING));
        assertThat(router.share(customer.member, new Share(true, Share.SHARING)).await().indefinitely())
                .as("active changed: share.started").isTrue();
        assertThat(router.share(customer.member, new Share(true, Share.PAUSED)).await().indefinitely()).isFalse();
        int told = agent.sent.size();
        router.share(customer.member, new Share(true, Share.PAUSED)).await().indefinitely();
        assertThat(agent.sent).as("the same phase again is no news").hasSize(told);
        assertThat(customer.sent).as("the sharer is not told its own phase").noneMatch(PeerShare.class::isInstance);

        // An agent who reloads hears the phase right after its welcome, not at the next change.
        FakePeer reloaded = joined("room", "agent", Role.AGENT);
        assertThat(reloaded.sent).element(1).isEqualTo(new PeerShare("customer", Share.PAUSED));

        // An older client's share without a phase reports sharing or stopped.
        assertThat(router.share(customer.member, new Share(false)).await().indefinitely()).isTrue();
        assertThat(reloaded.sent).last().isEqualTo(new PeerShare("customer", Share.STOPPED));
    }

    @Test
    void endingTheRoomSaysWhyInTheCloseReason() {
        FakePeer customer = joined("room", "customer", Role.CUSTOMER);
        router.endRoom("room", "expired");
        assertThat(customer.closedWith).isEqualTo(CloseCodes.ROOM_ENDED);
        assertThat(customer.closedReason).isEqualTo("room ended: expired");
    }

    @Test
    void aSecondSocketOfTheSameParticipantClosesTheFirstWithReplaced() {
        FakePeer first = joined("room", "customer", Role.CUSTOMER);
        FakePeer second = joined("room", "customer", Role.CUSTOMER);
        assertThat(first.closedWith).isEqualTo(CloseCodes.REPLACED);
        // The replaced socket's close changes nothing: the participant is still there.
        router.leave(first.member, Departure.REPLACED).await().indefinitely();
        FakePeer agent = joined("room", "agent", Role.AGENT);
        assertThat(((Welcome) agent.sent.get(0)).peers()).extracting(p -> p.id()).containsExactly("customer");
    }

    private static boolean answer(Future<Boolean> relayed) throws Exception {
        return relayed.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static FakePeer member(String room, String id, Role role) {
        return new FakePeer(room, id, role);
    }

    /** A member the router has taken in (its welcome sent, the others told). */
    private FakePeer joined(String room, String id, Role role) {
        FakePeer peer = member(room, id, role);
        router.join(peer.member).await().indefinitely();
        return peer;
    }

    /** Session events are the endpoint's and the Redis router's business, tested with Kafka elsewhere. */
    private static final class QuietEvents extends SignalEvents {
        QuietEvents() {
            super(null, null, null);
        }

        /** participant.left as it would be published: room/participant/role/reason. */
        final java.util.List<String> left = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void shareStopped(String roomId, String participantId, String role, String reason) {
        }

        @Override
        public void left(String roomId, String participantId, String role, String reason) {
            left.add(roomId + "/" + participantId + "/" + role + "/" + reason);
        }
    }
}
