package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.auth.Role;
import dev.coview.contracts.kafka.Topics;
import dev.coview.local.servers.ServiceInstance;
import dev.coview.reliability.testing.Peer;
import dev.coview.reliability.testing.Stack;
import dev.coview.reliability.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 24 item 12: a client in a reconnect loop. 40 upgrades of one participant in a row on a signaling instance
 * with the production upgrade budget (the suite's other instances allow the fuzzers' thousands of reconnects): the
 * first 20 are accepted, the rest refused with 429, and the session events of the loop are merged: one
 * {@code participant.connected}, one {@code participant.disconnected} once the merge time has passed (before: 40
 * of each; then, in the lead's first run, two connected: the events followed sockets, whose opens and closes a loop
 * interleaves, not the participant). Packaged services, real Redis and Kafka (the events are read from {@code coview.session-events}).
 */
@Order(16)
class ReconnectLoopIT {

    private static final int UPGRADES = 40;

    @Test
    void aReconnectLoopIsThrottledAndItsSessionEventsMerged() {
        Stack stack = Stack.get();
        ServiceInstance throttled = stack.startSignaling("signaling-throttled",
                Map.of("coview.ws.upgrades-per-window", "20", "coview.ws.upgrade-window", "60s"));
        String room = Tokens.randomId();
        String participant = Tokens.randomId();
        String token = Tokens.valid(room, participant, Role.CUSTOMER);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < UPGRADES; i++) {
            statuses.merge(Peer.upgradeStatus(throttled.port(), token, Peer.ORIGIN, ""), 1, Integer::sum);
        }
        System.out.println("reconnect loop: upgrade statuses " + statuses);

        Map<String, Integer> events = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = stack.kafkaConsumer("reliability-reconnect-")) {
            consumer.subscribe(List.of(Topics.SESSION_EVENTS));
            // Read until the merged disconnect arrives (it waits reconnect-merge, 5 s, after the last socket closed).
            Awaitility.await("participant.disconnected of the loop").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(1)).until(() -> {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                            if (new String(r.value(), StandardCharsets.UTF_8).contains(participant)) {
                                events.merge(type(r), 1, Integer::sum);
                            }
                        }
                        return events.containsKey("dev.coview.participant.disconnected");
                    });
        }
        System.out.println("reconnect loop: session events of the participant " + events);
        assertThat(statuses).containsEntry(101, 20).containsEntry(429, UPGRADES - 20);
        assertThat(events).containsEntry("dev.coview.participant.connected", 1)
                .containsEntry("dev.coview.participant.disconnected", 1);
    }

    private static String type(ConsumerRecord<String, byte[]> r) {
        Header h = r.headers().lastHeader("ce_type");
        return h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
