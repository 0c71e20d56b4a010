package dev.coview.annotation.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Role;
import dev.coview.local.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two packaged instances of annotation-service (child processes of this JVM) against one real Kafka and Redis
 * from deploy/local: fan-out across instances in order, late joiners, a restart, and 10,000 pointer moves.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final int STROKES = 50;
    private static final int POINTERS = 10_000;
    private static final String ROOM = TestTokens.randomId();

    private static Instance one;
    private static Instance two;

    @BeforeAll
    static void start() throws Exception {
        one = Instance.start("annotation-1");
        two = Instance.start("annotation-2");
    }

    @AfterAll
    static void stop() {
        if (one != null) {
            one.close();
        }
        if (two != null) {
            two.close();
        }
    }

    private static ItSocket join(Instance instance, Role role) {
        ItSocket s = new ItSocket(instance.port, TestTokens.token(ROOM, TestTokens.randomId(), role));
        return s;
    }

    @Test
    @Order(1)
    void eventsFromInstanceOneReachInstanceTwoInOrder() {
        try (ItSocket agent = join(one, Role.AGENT); ItSocket customer = join(two, Role.CUSTOMER)) {
            assertThat(agent.next().get("type").asText()).isEqualTo("state");
            assertThat(customer.next().get("type").asText()).isEqualTo("state");
            long start = System.nanoTime();
            for (int i = 0; i < STROKES; i++) {
                agent.send("""
                        {"type":"stroke","id":"s%d","tool":"pen","color":"#ff0000","width":0.005,\
                        "points":[0.1,0.1,0.2,0.2]}""".formatted(i));
            }
            List<String> ids = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            while (ids.size() < STROKES) {
                JsonNode e = customer.next();
                assertThat(e.get("type").asText()).isEqualTo("event");
                ids.add(e.at("/event/id").asText());
                seqs.add(e.get("seq").asLong());
            }
            System.out.printf("%d strokes from instance 1 reached instance 2 in %d ms%n", STROKES,
                    (System.nanoTime() - start) / 1_000_000);
            for (int i = 0; i < STROKES; i++) {
                assertThat(ids.get(i)).isEqualTo("s" + i);
                assertThat(seqs.get(i)).isEqualTo(i + 1L);
            }
        }
    }

    @Test
    @Order(2)
    void aLateJoinerOnInstanceTwoGetsTheFullStateAndBothInstancesAgree() {
        JsonNode onTwo = state(two);
        assertThat(onTwo.get("seq").asLong()).isEqualTo(STROKES);
        assertThat(onTwo.get("elements").size()).isEqualTo(STROKES);
        assertThat(state(one)).isEqualTo(onTwo);
    }

    @Test
    @Order(3)
    void afterARestartTheStateIsIdentical() throws Exception {
        JsonNode before = state(two);
        two.close();
        two = Instance.start("annotation-2-restarted");
        JsonNode after = state(two);
        assertThat(after).isEqualTo(before);
        System.out.printf("state after restart: seq %d, %d elements, identical%n", after.get("seq").asLong(),
                after.get("elements").size());
    }

    @Test
    @Order(4)
    void tenThousandPointerMovesAllArriveInOrder() {
        try (ItSocket agent = join(one, Role.AGENT); ItSocket customer = join(two, Role.CUSTOMER)) {
            agent.next();
            customer.next();
            // Pointer consumers start at the end of their topic: probe until instance 2 relays instance 1's moves.
            JsonNode probe = null;
            for (int attempt = 0; attempt < 60 && probe == null; attempt++) {
                agent.send("{\"type\":\"pointer\",\"x\":0,\"y\":0}");
                probe = customer.poll(500);
            }
            assertThat(probe).as("a probe pointer relayed").isNotNull();
            long start = System.nanoTime();
            for (int i = 1; i <= POINTERS; i++) {
                agent.send("{\"type\":\"pointer\",\"x\":" + (i / (double) POINTERS) + ",\"y\":1}");
            }
            int count = 0;
            double last = 0;
            while (count < POINTERS) {
                JsonNode e = customer.next();
                if (e.at("/event/y").asDouble() != 1.0) {
                    continue; // a late probe
                }
                double x = e.at("/event/x").asDouble();
                assertThat(x).as("move %d in order", count + 1).isGreaterThan(last);
                assertThat(e.has("seq")).isFalse();
                last = x;
                count++;
            }
            System.out.printf("%d pointer moves arrived in order on instance 2 in %d ms%n", count,
                    (System.nanoTime() - start) / 1_000_000);
            assertThat(count).isEqualTo(POINTERS);
            assertThat(last).isEqualTo(1.0);
        }
    }

    @Test
    @Order(5)
    void aJoinerDuringTrafficGetsStateThenEveryLaterEventWithoutGapOrDuplicate() throws Exception {
        String room = TestTokens.randomId();
        int total = 300;
        try (ItSocket customer = new ItSocket(one.port,
                TestTokens.token(room, TestTokens.randomId(), Role.CUSTOMER))) {
            customer.next();
            Thread sender = new Thread(() -> {
                for (int i = 0; i < total; i++) {
                    customer.send("{\"type\":\"pause\",\"on\":" + (i % 2 == 0) + "}");
                }
            });
            sender.start();
            // Join instance 2 while instance 1 is still producing.
            try (ItSocket observer = new ItSocket(two.port,
                    TestTokens.token(room, TestTokens.randomId(), Role.OBSERVER))) {
                JsonNode state = observer.next();
                assertThat(state.get("type").asText()).isEqualTo("state");
                long expected = state.get("seq").asLong() + 1;
                while (expected <= total) {
                    JsonNode e = observer.next();
                    assertThat(e.get("seq").asLong()).isEqualTo(expected);
                    expected++;
                }
                System.out.printf("joined at seq %d of %d; every later event arrived once, in order%n",
                        state.get("seq").asLong(), total);
            }
            sender.join();
        }
    }

    private static JsonNode state(Instance instance) {
        try (ItSocket observer = join(instance, Role.OBSERVER)) {
            JsonNode state = observer.next();
            assertThat(state.get("type").asText()).isEqualTo("state");
            return state;
        }
    }
}
