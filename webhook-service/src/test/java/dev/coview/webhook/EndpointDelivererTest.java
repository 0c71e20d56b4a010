package dev.coview.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.kafka.Topics;
import dev.coview.local.servers.KafkaClients;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.webhook.config.WebhookConfig;
import dev.coview.contracts.media.MediaLinks;
import dev.coview.webhook.delivery.EndpointDeliverer;
import dev.coview.webhook.delivery.MediaUrls;
import dev.coview.webhook.delivery.WebhookBody;
import dev.coview.webhook.delivery.WebhookSignature;
import dev.coview.webhook.messaging.DeadLetters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery against the real Kafka broker of deploy/local and a real HTTP receiver (the JDK's HttpServer):
 * signatures a receiver can verify, retries after 5xx, each room's events in order, nothing lost when the deliverer
 * is stopped and a new one takes over, dead letters once the retry period is over, type filters. Each test uses a
 * topic of its own (3 partitions) and a consumer group of its own. Plain JUnit: no Quarkus application.
 */
class EndpointDelivererTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "a test secret of 32 bytes length".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] LINK_SECRET = "the media link secret, 32 bytes!".getBytes(StandardCharsets.UTF_8);

    private final List<EndpointDeliverer> running = new ArrayList<>();
    private Receiver receiver;
    private KafkaProducer<String, String> producer;
    private DeadLetters deadLetters;
    private String topic;
    private String group;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new Receiver();
        topic = "webhook-test-" + UUID.randomUUID();
        group = "webhook-test-" + UUID.randomUUID() + "-";
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        producer = KafkaClients.producer(bootstrap());
        deadLetters = new DeadLetters(bootstrap(), Topics.WEBHOOK_DEAD_LETTERS);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (EndpointDeliverer d : running) {
            d.close();
        }
        producer.close();
        deadLetters.close();
        receiver.close();
    }

    @Test
    void deliversASignedStructuredCloudEventThatTheReceiverCanVerify() throws Exception {
        String id = publish("roomAAAAAAAAAAAAAAAAAA", "dev.coview.room.created", 0);
        start(config(Duration.ofHours(25)), Optional.empty());

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() == 1);
        Receiver.Request r = receiver.accepted().get(0);
        assertThat(r.id()).isEqualTo(id);
        assertThat(r.contentType()).isEqualTo(WebhookBody.CONTENT_TYPE);
        long timestamp = Long.parseLong(r.timestamp());
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(300);
        assertThat(r.signature()).startsWith("v1,");
        WebhookSignature verifier = new WebhookSignature(SECRET);
        assertThat(verifier.verify(r.id(), timestamp, r.body(), r.signature())).isTrue();
        // A forged body or another secret does not verify.
        assertThat(verifier.verify(r.id(), timestamp, r.body().replace("room", "r00m"), r.signature())).isFalse();
        assertThat(new WebhookSignature("whsec_" + Base64.getEncoder().encodeToString(new byte[32]))
                .verify(r.id(), timestamp, r.body(), r.signature())).isFalse();

        JsonNode event = JSON.readTree(r.body());
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("id").asText()).isEqualTo(id);
        assertThat(event.path("type").asText()).isEqualTo("dev.coview.room.created");
        assertThat(event.path("subject").asText()).isEqualTo("roomAAAAAAAAAAAAAAAAAA");
        assertThat(event.path("externalrefid").asText()).isEqualTo("5003000000D8cuIAAR");
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.path("data").path("seq").asInt()).isZero();
    }

    @Test
    void retriesAfter5xxUntilTheEndpointAcceptsWithTheSameId() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(r -> calls.incrementAndGet() <= 2 ? 503 : 200);
        String id = publish("roomBBBBBBBBBBBBBBBBBB", "dev.coview.room.ended", 0);
        start(config(Duration.ofHours(25)), Optional.empty());

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() == 1);
        assertThat(receiver.requests()).extracting(Receiver.Request::status).containsExactly(503, 503, 200);
        assertThat(receiver.requests()).extracting(Receiver.Request::id).containsOnly(id);
    }

    @Test
    void keepsEachRoomsEventsInOrderWhileSomeAttemptsFail() throws Exception {
        // Every third request fails: heads are retried, later events of the room must wait for them.
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(r -> calls.incrementAndGet() % 3 == 0 ? 500 : 200);
        List<String> rooms = List.of("roomCCCCCCCCCCCCCCCCCC", "roomDDDDDDDDDDDDDDDDDD", "roomEEEEEEEEEEEEEEEEEE",
                "roomFFFFFFFFFFFFFFFFFF");
        int perRoom = 15;
        for (int seq = 0; seq < perRoom; seq++) {
            for (String room : rooms) {
                publish(room, "dev.coview.crop.changed", seq);
            }
        }
        start(config(Duration.ofHours(25)), Optional.empty());

        await().atMost(Duration.ofSeconds(120)).until(() -> receiver.accepted().size() >= rooms.size() * perRoom);
        Map<String, List<Integer>> seqByRoom = new LinkedHashMap<>();
        for (Receiver.Request r : receiver.accepted()) {
            JsonNode event = JSON.readTree(r.body());
            seqByRoom.computeIfAbsent(event.path("subject").asText(), k -> new ArrayList<>())
                    .add(event.path("data").path("seq").asInt());
        }
        List<Integer> inOrder = java.util.stream.IntStream.range(0, perRoom).boxed().toList();
        for (String room : rooms) {
            assertThat(seqByRoom.get(room)).as(room).isEqualTo(inOrder);
        }
        assertThat(receiver.requests().size()).isGreaterThan(rooms.size() * perRoom); // failures really happened
    }

    @Test
    void losesNothingWhenTheDelivererStopsAndANewOneTakesOver() throws Exception {
        // The endpoint is down while the first deliverer runs: nothing is delivered, nothing committed.
        receiver.answer(r -> 503);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (int seq = 0; seq < 10; seq++) {
            ids.add(publish("roomGGGGGGGGGGGGGGGGGG", "dev.coview.masks.changed", seq));
            ids.add(publish("roomHHHHHHHHHHHHHHHHHH", "dev.coview.masks.changed", seq));
        }
        WebhookConfig config = config(Duration.ofHours(25));
        EndpointDeliverer first = start(config, Optional.empty());
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests().size() >= 4);
        // Then half get through before the restart.
        receiver.answer(r -> 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() >= 5);
        first.close();
        running.remove(first);
        int beforeRestart = receiver.accepted().size();

        start(config, Optional.empty());
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().stream()
                .map(Receiver.Request::id).collect(java.util.stream.Collectors.toSet()).containsAll(ids));
        assertThat(beforeRestart).isLessThan(ids.size());
        // At-least-once: duplicates are possible (a delivery whose commit had not happened), loss is not.
        assertThat(receiver.accepted()).extracting(Receiver.Request::id).containsAll(ids);
    }

    @Test
    void givesUpAfterTheRetryPeriodIntoTheDeadLetterTopicAndMovesOn() throws Exception {
        receiver.answer(r -> seq(r.body()) == 0 ? 500 : 200);
        String doomed = publish("roomIIIIIIIIIIIIIIIIII", "dev.coview.share.started", 0);
        String next = publish("roomIIIIIIIIIIIIIIIIII", "dev.coview.share.stopped", 1);
        start(config(Duration.ofSeconds(2)), Optional.empty());

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() == 1);
        assertThat(receiver.accepted().get(0).id()).isEqualTo(next);
        ConsumerRecord<String, String> dead = readDeadLetter(doomed);
        assertThat(header(dead, DeadLetters.ENDPOINT)).isEqualTo("test");
        assertThat(header(dead, DeadLetters.ERROR)).isEqualTo("HTTP 500");
        assertThat(Integer.parseInt(header(dead, DeadLetters.ATTEMPTS))).isPositive(); // how many fit in 2 s varies
        assertThat(header(dead, "ce_type")).isEqualTo("dev.coview.share.started");
        assertThat(dead.key()).isEqualTo("roomIIIIIIIIIIIIIIIIII");
    }

    @Test
    void snapshotAndRecordingWebhooksCarryASignedDownloadLink() throws Exception {
        String room = "roomLLLLLLLLLLLLLLLLLL";
        publishData(room, "dev.coview.snapshot.saved",
                "{\"roomId\":\"" + room + "\",\"participantId\":\"p\",\"snapshotId\":\"snapSSSSSSSSSSSSSSSSSS\"}");
        publishData(room, "dev.coview.recording.ready",
                "{\"roomId\":\"" + room + "\",\"recordingId\":\"recRRRRRRRRRRRRRRRRRRR\"}");
        publishData(room, "dev.coview.room.ended", "{\"roomId\":\"" + room + "\"}");
        start(config(Duration.ofHours(25)), Optional.empty());

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() == 3);
        MediaLinks links = new MediaLinks(LINK_SECRET);
        List<String> paths = List.of(MediaLinks.snapshotPath(room, "snapSSSSSSSSSSSSSSSSSS", "flattened"),
                MediaLinks.recordingPath(room, "recRRRRRRRRRRRRRRRRRRR"));
        for (int i = 0; i < 2; i++) {
            java.net.URI url = java.net.URI.create(JSON.readTree(receiver.accepted().get(i).body()).path("mediaurl")
                    .asText());
            assertThat(url.getHost()).isEqualTo("coview.example.com");
            assertThat(url.getPath()).isEqualTo(paths.get(i));
            long expires = Long.parseLong(url.getQuery().replaceAll(".*expires=(\\d+).*", "$1"));
            String sig = url.getQuery().replaceAll(".*sig=([A-Za-z0-9_-]+).*", "$1");
            assertThat(expires).isGreaterThan(Instant.now().getEpochSecond());
            assertThat(links.verify(paths.get(i), expires, sig)).isTrue();
        }
        assertThat(JSON.readTree(receiver.accepted().get(2).body()).has("mediaurl")).isFalse();
    }

    @Test
    void deliversOnlyTheTypesAnEndpointAskedFor() throws Exception {
        publish("roomJJJJJJJJJJJJJJJJJJ", "dev.coview.crop.changed", 0);
        String ended = publish("roomJJJJJJJJJJJJJJJJJJ", "dev.coview.room.ended", 1);
        publish("roomJJJJJJJJJJJJJJJJJJ", "dev.coview.crop.changed", 2);
        String ended2 = publish("roomKKKKKKKKKKKKKKKKKK", "dev.coview.room.ended", 0);
        start(config(Duration.ofHours(25)), Optional.of(List.of("dev.coview.room.ended")));

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() >= 2);
        assertThat(receiver.requests()).extracting(Receiver.Request::id).containsExactlyInAnyOrder(ended, ended2);
    }

    private EndpointDeliverer start(WebhookConfig config, Optional<List<String>> types) {
        WebhookConfig.Endpoint endpoint = new WebhookConfig.Endpoint() {
            public String url() {
                return receiver.url();
            }

            public String secret() {
                return SECRET;
            }

            public Optional<List<String>> types() {
                return types;
            }
        };
        EndpointDeliverer d = new EndpointDeliverer("test", endpoint, config, bootstrap(),
                HttpClient.newHttpClient(), deadLetters, new SimpleMeterRegistry(), JSON,
                new MediaUrls(LINK_SECRET, "https://coview.example.com", Duration.ofMinutes(15))).start();
        running.add(d);
        return d;
    }

    private WebhookConfig config(Duration retryFor) {
        return new WebhookConfig() {
            public Map<String, Endpoint> endpoints() {
                return Map.of();
            }

            public String topic() {
                return topic;
            }

            public String groupPrefix() {
                return group;
            }

            public Duration retryFor() {
                return retryFor;
            }

            public Duration initialBackoff() {
                return Duration.ofMillis(50);
            }

            public Duration maxBackoff() {
                return Duration.ofMillis(400);
            }

            public Duration requestTimeout() {
                return Duration.ofSeconds(10);
            }

            public int queuedPerPartition() {
                return 100;
            }

            public Optional<String> mediaLinkSecret() {
                return Optional.empty();
            }

            public Optional<String> mediaBaseUrl() {
                return Optional.empty();
            }

            public Duration mediaLinkTtl() {
                return Duration.ofMinutes(15);
            }
        };
    }

    /** Publishes a session event the way SessionEventPublisher does (binary mode); returns its id. */
    private String publish(String roomId, String type, int seq) throws Exception {
        return publishData(roomId, type, "{\"roomId\":\"" + roomId + "\",\"seq\":" + seq + "}");
    }

    private String publishData(String roomId, String type, String data) throws Exception {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, roomId, data);
        Map<String, String> headers = new HashMap<>(Map.of("ce_specversion", "1.0", "ce_id", id,
                "ce_source", "/rooms/" + roomId, "ce_type", type, "ce_subject", roomId,
                "ce_time", Instant.now().toString(), "ce_externalrefid", "5003000000D8cuIAAR",
                "content-type", "application/json"));
        headers.forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(r).get(30, TimeUnit.SECONDS);
        return id;
    }

    private ConsumerRecord<String, String> readDeadLetter(String id) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> c = KafkaClients.consumer(bootstrap(), "dead-letter-reader", true)) {
            c.subscribe(List.of(Topics.WEBHOOK_DEAD_LETTERS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (id.equals(header(r, "ce_id"))) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    private static int seq(String body) {
        try {
            return JSON.readTree(body).path("data").path("seq").asInt();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        return WebhookBody.header(r, name);
    }

    private static String bootstrap() {
        return LocalStackResource.stack().bootstrapServers();
    }
}
