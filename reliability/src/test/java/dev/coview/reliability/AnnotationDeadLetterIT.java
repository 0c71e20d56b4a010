package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Role;
import dev.coview.contracts.kafka.Topics;
import dev.coview.reliability.testing.Annotations;
import dev.coview.reliability.testing.Http;
import dev.coview.reliability.testing.Peer;
import dev.coview.reliability.testing.Stack;
import dev.coview.reliability.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Poison records on {@code coview.annotations}, written by a plain KafkaProducer into the partition of a live room
 * (keyed by its id) between two drawings: garbage bytes, valid JSON of an unknown type, an event of the wrong shape,
 * a pointer move (not durable) and an empty value. Each goes to {@code coview.dead-letter} with SmallRye's reason
 * headers (dead-letter-reason, -cause, -topic, -partition, -offset), once per instance that read it; the room's
 * channel keeps flowing: the drawing after the poison reaches both receivers with the next {@code seq}.
 */
@Order(11)
class AnnotationDeadLetterIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheRoomKeepsFlowing() throws Exception {
        Stack stack = Stack.get();
        String room = Tokens.randomId();
        String marker = UUID.randomUUID().toString();
        byte[] garbage = new byte[64];
        new Random(42).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        Map<String, byte[]> poison = new LinkedHashMap<>();
        poison.put("garbage bytes", garbage);
        poison.put("JSON of an unknown type", utf8("{\"type\":\"teleport\",\"marker\":\"" + marker + "\"}"));
        poison.put("an event of an unknown kind", utf8("{\"type\":\"event\",\"eventId\":\"" + marker + "-1\","
                + "\"roomId\":\"" + room + "\",\"authorId\":\"x\",\"ts\":1,\"event\":{\"type\":\"teleport\"}}"));
        poison.put("an event without eventId (wrong schema)", utf8("{\"type\":\"event\",\"roomId\":\"" + room
                + "\",\"authorId\":\"x\",\"ts\":\"yesterday\",\"event\":" + Annotations.stroke("p1") + "}"));
        poison.put("a pointer move (not durable)", utf8("{\"type\":\"event\",\"eventId\":\"" + marker + "-2\","
                + "\"roomId\":\"" + room + "\",\"authorId\":\"x\",\"ts\":1,\"event\":" + Annotations.pointer(0.5, 0.5)
                + "}"));
        poison.put("an empty value", new byte[0]);

        Peer agent = Annotations.connect(stack.annotationA(), Tokens.valid(room, Tokens.randomId(), Role.AGENT));
        Peer customer = Annotations.connect(stack.annotationB(), Tokens.valid(room, Tokens.randomId(), Role.CUSTOMER));
        Map<Long, String> offsets = new LinkedHashMap<>();
        int partition;
        long started;
        try {
            agent.inbox().next("state", WAIT);
            customer.inbox().next("state", WAIT);
            agent.send(Annotations.stroke("before"));
            assertThat(customer.inbox().next("event", WAIT).get("seq").asLong()).isEqualTo(1);
            agent.inbox().next("event", WAIT);

            started = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = producer(stack)) {
                int p = -1;
                for (var e : poison.entrySet()) {
                    RecordMetadata m = producer.send(new ProducerRecord<>(Topics.ANNOTATIONS, room, e.getValue())).get();
                    offsets.put(m.offset(), e.getKey());
                    p = m.partition();
                }
                partition = p;
            }
            agent.send(Annotations.stroke("after"));
            for (Peer receiver : List.of(agent, customer)) {
                JsonNode after = receiver.inbox().next("event", WAIT);
                assertThat(after.path("event").path("id").asText()).isEqualTo("after");
                assertThat(after.get("seq").asLong()).as("poison takes no seq").isEqualTo(2);
            }
        } finally {
            agent.close();
            customer.close();
        }
        long flowedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        // Each instance dead-letters what it read: one record per poison per instance.
        int instances = 2;
        Map<Long, List<ConsumerRecord<String, byte[]>>> dead = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = stack.kafkaConsumer("reliability-dead-letter-")) {
            consumer.subscribe(List.of(Topics.DEAD_LETTER));
            Awaitility.await("every poison record dead-lettered").atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String topic = header(r, "dead-letter-topic");
                    String part = header(r, "dead-letter-partition");
                    String offset = header(r, "dead-letter-offset");
                    if (Topics.ANNOTATIONS.equals(topic) && String.valueOf(partition).equals(part) && offset != null
                            && offsets.containsKey(Long.parseLong(offset))) {
                        dead.computeIfAbsent(Long.parseLong(offset), o -> new ArrayList<>()).add(r);
                    }
                }
                return dead.size() == offsets.size() && dead.values().stream().allMatch(l -> l.size() >= instances);
            });
            // Nothing more arrives for them (no instance dead-letters a record twice).
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> {
                String offset = header(r, "dead-letter-offset");
                if (offset != null && offsets.containsKey(Long.parseLong(offset))
                        && String.valueOf(partition).equals(header(r, "dead-letter-partition"))) {
                    dead.get(Long.parseLong(offset)).add(r);
                }
            });
        }
        System.out.printf("dead letter: %d poison records in partition %d of %s; the next drawing reached both"
                + " receivers with seq 2, %d ms after the first poison was written%n", offsets.size(), partition,
                Topics.ANNOTATIONS, flowedMillis);
        for (var e : dead.entrySet()) {
            ConsumerRecord<String, byte[]> r = e.getValue().get(0);
            System.out.printf("  %s (offset %d): %d dead-letter records; reason \"%s\"; cause %s%n",
                    offsets.get(e.getKey()), e.getKey(), e.getValue().size(), header(r, "dead-letter-reason"),
                    header(r, "dead-letter-cause"));
        }
        for (var e : dead.entrySet()) {
            assertThat(e.getValue()).as("%s: one dead letter per instance", offsets.get(e.getKey()))
                    .hasSize(instances);
            for (ConsumerRecord<String, byte[]> r : e.getValue()) {
                assertThat(r.key()).isEqualTo(room);
                assertThat(header(r, "dead-letter-reason")).as("reason of %s", offsets.get(e.getKey())).isNotBlank();
                assertThat(header(r, "dead-letter-exception-class-name")).isNotBlank();
            }
        }
        assertThat(Http.ready(stack.annotationA(), WAIT)).isEqualTo(200);
        assertThat(Http.ready(stack.annotationB(), WAIT)).isEqualTo(200);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> producer(Stack stack) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.local().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }
}
