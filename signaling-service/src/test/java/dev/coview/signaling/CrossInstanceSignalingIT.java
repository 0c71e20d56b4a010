package dev.coview.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Role;
import dev.coview.local.servers.FreePort;
import dev.coview.local.servers.ServiceInstance;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.TestTokens;
import dev.coview.signaling.testing.JdkSignalClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two packaged signaling-service instances ({@code java -jar} of {@code coview.service.jar}, each on a free port)
 * against one real Redis and Kafka of deploy/local ({@link LocalStackResource#quarkusProperties()}), with peers of one
 * room on different instances: relay through the room's Redis channel, presence across instances, resume, and the
 * survivors' view after one instance is SIGKILLed (default heartbeat 5 s, presence TTL 15 s). The kill comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossInstanceSignalingIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Presence TTL (15 s) + presence check (1 s) + slack for two JVMs on two shared cores. */
    private static final Duration PRESENCE_TTL_BOUND = Duration.ofSeconds(25);

    @AutoClose
    private static ServiceInstance a;
    @AutoClose
    private static ServiceInstance b;
    private final List<JdkSignalClient> clients = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Path jar = Path.of(System.getProperty("coview.service.jar"));
        assertThat(jar).as("the packaged service (mvn package first)").exists();
        Map<String, String> props = LocalStackResource.quarkusProperties();
        Path logs = Files.createDirectories(Path.of("target", "it-instances"));
        a = start("signaling-a", jar, props, logs);
        b = start("signaling-b", jar, props, logs);
    }

    /** One instance on a free port, ready; 256 MiB of heap, as two share the machine with the stack and the test. */
    private static ServiceInstance start(String name, Path jar, Map<String, String> props, Path logs)
            throws IOException {
        return ServiceInstance.start(name, jar, FreePort.pick(), props, logs.resolve(name + ".log"),
                List.of("-Xmx256m"), Map.of()).awaitReady(Duration.ofSeconds(120));
    }

    @AfterEach
    void closeClients() {
        clients.forEach(JdkSignalClient::close);
    }

    private JdkSignalClient connect(ServiceInstance instance, String token) {
        JdkSignalClient c = JdkSignalClient.connect(instance.port(), token);
        clients.add(c);
        return c;
    }

    @Test
    @Order(1)
    void peersOnDifferentInstancesSeeEachOtherRelayAndResume() {
        String room = TestTokens.randomId();
        String agentId = TestTokens.randomId();
        String customerId = TestTokens.randomId();
        String customerToken = TestTokens.token(room, customerId, Role.CUSTOMER);
        JdkSignalClient agent = connect(a, TestTokens.token(room, agentId, Role.AGENT));
        assertThat(agent.received().next("welcome", WAIT).get("peers")).isEmpty();

        JdkSignalClient customer = connect(b, customerToken);
        JsonNode welcome = customer.received().next("welcome", WAIT);
        assertThat(welcome.at("/peers/0/id").asText()).as("presence across instances").isEqualTo(agentId);
        assertThat(agent.received().next("peer-joined", WAIT).at("/peer/id").asText()).isEqualTo(customerId);

        customer.send("{\"type\":\"offer\",\"to\":\"" + agentId + "\",\"sdp\":\"v=0 offer\"}");
        JsonNode offer = agent.received().next("offer", WAIT);
        assertThat(offer.get("from").asText()).isEqualTo(customerId);
        assertThat(offer.get("sdp").asText()).isEqualTo("v=0 offer");
        agent.send("{\"type\":\"answer\",\"to\":\"" + customerId + "\",\"sdp\":\"v=0 answer\"}");
        assertThat(customer.received().next("answer", WAIT).get("from").asText()).isEqualTo(agentId);
        for (int i = 0; i < 3; i++) {
            customer.send("{\"type\":\"candidate\",\"to\":\"" + agentId + "\",\"candidate\":\"candidate:" + i
                    + " 1 udp 1 10.0.0.1 500" + i + " typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}");
            agent.send("{\"type\":\"candidate\",\"to\":\"" + customerId + "\",\"candidate\":\"candidate:" + i
                    + " 1 udp 1 10.0.0.2 600" + i + " typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(agent.received().next("candidate", WAIT).get("candidate").asText())
                    .as("candidates arrive in order").startsWith("candidate:" + i + " ");
            assertThat(customer.received().next("candidate", WAIT).get("candidate").asText())
                    .startsWith("candidate:" + i + " ");
        }

        // The customer's share phase reaches the agent on the other instance, through the room's channel.
        customer.send("{\"type\":\"share\",\"active\":false,\"phase\":\"choosing\"}");
        JsonNode phase = agent.received().next("peer-share", WAIT);
        assertThat(phase.get("id").asText()).isEqualTo(customerId);
        assertThat(phase.get("phase").asText()).isEqualTo("choosing");

        // The customer's network changes: its socket on B drops, it reconnects through A with the same token.
        customer.abort();
        JdkSignalClient again = connect(a, customerToken);
        JsonNode resumed = again.received().next("welcome", WAIT);
        assertThat(resumed.at("/you/id").asText()).isEqualTo(customerId);
        assertThat(resumed.get("resumed").asBoolean()).isTrue();
        // peer-away may come first (the drop seen on B), or not at all when the reconnect is told first.
        JsonNode told = agent.received().nextOfType("peer-joined", WAIT);
        assertThat(told.at("/peer/id").asText()).isEqualTo(customerId);
        assertThat(told.get("resumed").asBoolean()).as("the agent is told to restart ICE").isTrue();
    }

    @Test
    @Order(2)
    void whenAnInstanceIsKilledItsPeersLeaveWithinThePresenceTtlOrResumeElsewhere() {
        String room1 = TestTokens.randomId();
        String room2 = TestTokens.randomId();
        String lostId = TestTokens.randomId();
        String movingId = TestTokens.randomId();
        String movingToken = TestTokens.token(room2, movingId, Role.CUSTOMER);
        JdkSignalClient agent1 = connect(a, TestTokens.token(room1, TestTokens.randomId(), Role.AGENT));
        agent1.received().next("welcome", WAIT);
        JdkSignalClient agent2 = connect(a, TestTokens.token(room2, TestTokens.randomId(), Role.AGENT));
        agent2.received().next("welcome", WAIT);
        JdkSignalClient lost = connect(b, TestTokens.token(room1, lostId, Role.CUSTOMER));
        lost.received().next("welcome", WAIT);
        JdkSignalClient moving = connect(b, movingToken);
        moving.received().next("welcome", WAIT);
        agent1.received().next("peer-joined", WAIT);
        agent2.received().next("peer-joined", WAIT);

        long killedAt = System.nanoTime();
        b.kill();
        Awaitility.await("signaling-b gone").atMost(Duration.ofSeconds(10)).until(() -> !b.process().isAlive());

        // One customer reconnects to the surviving instance right away: it resumes, no peer-left.
        JdkSignalClient back = connect(a, movingToken);
        assertThat(back.received().next("welcome", WAIT).get("resumed").asBoolean()).isTrue();
        JsonNode rejoined = agent2.received().next("peer-joined", WAIT);
        assertThat(rejoined.at("/peer/id").asText()).isEqualTo(movingId);
        assertThat(rejoined.get("resumed").asBoolean()).isTrue();

        // The other never comes back: its peer is told once B's presence has expired.
        JsonNode left = agent1.received().next("peer-left", PRESENCE_TTL_BOUND);
        long tookMillis = Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
        assertThat(left.get("id").asText()).isEqualTo(lostId);
        assertThat(left.get("reason").asText()).isEqualTo("lost");
        System.out.printf("SIGKILL -> peer-left took %d ms (presence TTL 15 s, check every 1 s)%n", tookMillis);
        assertThat(agent2.received().pending()).as("the resumed customer was not reported lost").isZero();
    }
}
