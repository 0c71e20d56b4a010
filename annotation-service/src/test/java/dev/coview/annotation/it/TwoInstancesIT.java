package dev.coview.annotation.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Role;
import dev.coview.local.servers.FreePort;
import dev.coview.local.servers.ServiceInstance;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.TestTokens;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two packaged instances of annotation-service (child processes of this JVM) against one real Kafka and Redis
 * from deploy/local: fan-out across instances in order, late joiners, a restart, and 10,000 pointer moves (coalesced,
 * in order, the newest last).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final int STROKES = 50;
    private static final int POINTERS = 10_000;
    private static final String ROOM = TestTokens.randomId();

    @AutoClose
    private static ServiceInstance one;
    @AutoClose
    private static ServiceInstance two;

    @BeforeAll
    static void start() throws Exception {
        one = start("annotation-1");
        two = start("annotation-2");
    }

    /**
     * One packaged instance ({@code java -jar coview.service.jar}) on a free port, against the JVM's stack, ready.
     * 256 MiB of heap: two share the machine with the stack and the test.
     */
    private static ServiceInstance start(String name) throws IOException {
        Map<String, String> props = new HashMap<>(LocalStackResource.quarkusProperties());
        props.put("quarkus.http.host", "127.0.0.1");
        // 10,000 pointer moves in one go is a test's burst, not a browser's (one per animation frame).
        props.put("coview.ws.messages-per-second", "100000");
        props.put("coview.ws.burst", "20000");
        // The room's own budget (shared by all its sockets) would refuse that burst too.
        props.put("coview.annotation.room-messages-per-second", "100000");
        props.put("coview.annotation.room-message-burst", "20000");
        int port = FreePort.pick();
        Path log = Path.of("target", "it-logs", name + "-" + port + ".log").toAbsolutePath();
        return ServiceInstance.start(name, Path.of(System.getProperty("coview.service.jar")), port, props, log,
                List.of("-Xmx256m"), Map.of()).awaitReady(Duration.ofSeconds(90));
    }

    private static ItSocket join(ServiceInstance instance, Role role) {
        ItSocket s = new ItSocket(instance.port(), TestTokens.token(ROOM, TestTokens.randomId(), role));
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
        two = start("annotation-2-restarted");
        JsonNode after = state(two);
        assertThat(after).isEqualTo(before);
        System.out.printf("state after restart: seq %d, %d elements, identical%n", after.get("seq").asLong(),
                after.get("elements").size());
    }

    @Test
    @Order(4)
    void theFirstPointerMoveAfterARestartIsRelayedAndABurstArrivesInOrderEndingWithTheNewest() {
        // Instance 2 was just restarted (order 3): its relay is assigned at start, so no probing is needed.
        try (ItSocket agent = join(one, Role.AGENT); ItSocket customer = join(two, Role.CUSTOMER)) {
            agent.next();
            customer.next();
            agent.send("{\"type\":\"pointer\",\"x\":0,\"y\":0}");
            JsonNode first = customer.next();
            assertThat(first.at("/event/type").asText()).isEqualTo("pointer");
            assertThat(first.at("/event/y").asDouble()).isZero();

            long start = System.nanoTime();
            for (int i = 1; i <= POINTERS; i++) {
                agent.send("{\"type\":\"pointer\",\"x\":" + (i / (double) POINTERS) + ",\"y\":1}");
            }
            // The relay coalesces a backlog to the newest position of each pointer: moves may be skipped, never
            // reordered or repeated, and the last one always arrives.
            int count = 0;
            double last = 0;
            while (last < 1.0) {
                JsonNode e = customer.next();
                double x = e.at("/event/x").asDouble();
                assertThat(x).as("move after %d in order", count).isGreaterThan(last);
                assertThat(e.has("seq")).isFalse();
                last = x;
                count++;
            }
            System.out.printf("%d pointer moves sent, %d relayed in order on instance 2 (%d superseded), %d ms%n",
                    POINTERS, count, POINTERS - count, (System.nanoTime() - start) / 1_000_000);
            assertThat(count).isBetween(1, POINTERS);
        }
    }

    @Test
    @Order(5)
    void aJoinerDuringTrafficGetsStateThenEveryLaterEventWithoutGapOrDuplicate() throws Exception {
        String room = TestTokens.randomId();
        int total = 300;
        try (ItSocket customer = new ItSocket(one.port(),
                TestTokens.token(room, TestTokens.randomId(), Role.CUSTOMER))) {
            customer.next();
            Thread sender = new Thread(() -> {
                for (int i = 0; i < total; i++) {
                    customer.send("{\"type\":\"pause\",\"on\":" + (i % 2 == 0) + "}");
                }
            });
            sender.start();
            // Join instance 2 while instance 1 is still producing.
            try (ItSocket observer = new ItSocket(two.port(),
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

    private static JsonNode state(ServiceInstance instance) {
        try (ItSocket observer = join(instance, Role.OBSERVER)) {
            JsonNode state = observer.next();
            assertThat(state.get("type").asText()).isEqualTo("state");
            return state;
        }
    }
}
