package dev.coview.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.kafka.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Starts a real redis-server and a real Kafka broker as child processes and proves a message round trip through
 * each, with their own protocols (RESP over a socket, the Kafka client). No mocks.
 */
class LocalStackTest {

    @RegisterExtension
    static final OwnLocalStack own = new OwnLocalStack("coview-localstack-test");

    @Test
    void redisPubSubRoundTripThroughTheRealServer() throws IOException {
        int port = own.stack().redis().port();
        try (Socket sub = new Socket("127.0.0.1", port); Socket pub = new Socket("127.0.0.1", port)) {
            sub.setSoTimeout(10_000);
            BufferedReader subIn = new BufferedReader(new InputStreamReader(sub.getInputStream(),
                    StandardCharsets.UTF_8));
            send(sub.getOutputStream(), "SUBSCRIBE", "room:test");
            // Subscribe confirmation: *3 $9 subscribe $9 room:test :1
            assertThat(readArray(subIn)).containsExactly("subscribe", "room:test", "1");

            BufferedReader pubIn = new BufferedReader(new InputStreamReader(pub.getInputStream(),
                    StandardCharsets.UTF_8));
            send(pub.getOutputStream(), "PUBLISH", "room:test", "offer from p1");
            assertThat(pubIn.readLine()).isEqualTo(":1");

            assertThat(readArray(subIn)).containsExactly("message", "room:test", "offer from p1");
        }
    }

    @Test
    void kafkaProduceConsumeRoundTripThroughTheRealBroker() throws Exception {
        String roomId = "room-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = KafkaClients.producer(own.stack().bootstrapServers())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(Topics.ANNOTATIONS, roomId, "event-" + i)).get();
            }
        }
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                KafkaClients.consumer(own.stack().bootstrapServers(), "test", true)) {
            consumer.subscribe(List.of(Topics.ANNOTATIONS));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (roomId.equals(r.key())) {
                        received.add(r.value());
                    }
                }
                return received.size() >= 10;
            });
        }
        // One key, one partition: the room's order is kept.
        assertThat(received).containsExactly("event-0", "event-1", "event-2", "event-3", "event-4", "event-5",
                "event-6", "event-7", "event-8", "event-9");
    }

    @Test
    void coviewTopicsExistWithThePartitionsTheServicesExpect() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, own.stack().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            var descriptions = admin.describeTopics(List.of(Topics.ANNOTATIONS, Topics.POINTERS,
                    Topics.SESSION_EVENTS)).allTopicNames().get();
            assertThat(descriptions.values()).allSatisfy(d ->
                    assertThat(d.partitions()).hasSize(LocalStack.PARTITIONS));
        }
    }

    private static void send(OutputStream out, String... args) throws IOException {
        StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            sb.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads one RESP array of bulk strings and integers (enough for pub/sub replies). */
    private static List<String> readArray(BufferedReader in) throws IOException {
        String header = in.readLine();
        assertThat(header).startsWith("*");
        int n = Integer.parseInt(header.substring(1));
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String line = in.readLine();
            if (line.startsWith("$")) {
                items.add(in.readLine());
            } else {
                items.add(line.substring(1));
            }
        }
        return items;
    }
}
