package dev.coview.webhook.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.events.CloudEventHeaders;
import dev.coview.webhook.config.WebhookConfig;
import dev.coview.webhook.messaging.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Delivers the session events to one endpoint, on a thread of its own with a Kafka consumer of its own group
 * ({@code <prefix><endpoint>}): endpoints never hold each other up, and instances of webhook-service share an
 * endpoint's partitions (scale out with partitions).
 *
 * <p>Per partition, events wait in a FIFO queue and only its head is ever in flight: since a room's events are in one
 * partition, in order, the endpoint gets each room's events in order, and a failing head holds back the rooms of that
 * partition only. A head that fails is retried after {@link Backoff} until {@code retryFor} has passed since its first
 * attempt; then it goes to the dead-letter topic and the queue moves on. An offset is committed only once its event was
 * delivered, filtered out or dead-lettered, so a stopped deliverer loses nothing: the next one starts from there
 * (at-least-once; the receiver deduplicates on {@code webhook-id}, the CloudEvent id). HTTP calls run on the
 * {@link HttpClient}'s own threads; the consumer thread never waits for one. A queue holding
 * {@code queuedPerPartition} events pauses its partition.
 */
public final class EndpointDeliverer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EndpointDeliverer.class);
    private static final Duration MAX_POLL = Duration.ofMillis(100);

    private final String name;
    private final WebhookConfig.Endpoint endpoint;
    private final WebhookConfig config;
    private final HttpClient http;
    private final DeadLetters deadLetters;
    private final DeliveryMetrics metrics;
    private final ObjectMapper mapper;
    private final WebhookSignature signature;
    private final MediaUrls media;
    private final Backoff backoff;
    private final Set<String> types;
    private final KafkaConsumer<String, String> consumer;
    private final Map<TopicPartition, ArrayDeque<Pending>> queues = new HashMap<>();
    private final Set<TopicPartition> inFlight = new HashSet<>();
    private final Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    /** One event waiting for, or in, delivery. Only the consumer thread touches its mutable fields. */
    private static final class Pending {
        final ConsumerRecord<String, String> record;
        int attempts;
        Instant firstAttempt;
        Instant nextAttempt = Instant.MIN;
        String lastError = "";

        Pending(ConsumerRecord<String, String> record) {
            this.record = record;
        }
    }

    /** What an HTTP attempt came to: {@code error} is null on a 2xx. */
    private record Outcome(TopicPartition partition, Pending pending, String error, long nanos) {
    }

    public EndpointDeliverer(String name, WebhookConfig.Endpoint endpoint, WebhookConfig config, String bootstrap,
                             HttpClient http, DeadLetters deadLetters, MeterRegistry registry, ObjectMapper mapper,
                             MediaUrls media) {
        this.media = media;
        this.name = name;
        this.endpoint = endpoint;
        this.config = config;
        this.http = http;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
        this.signature = new WebhookSignature(endpoint.secret());
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        this.types = Set.copyOf(endpoint.types().orElse(List.of()));
        this.metrics = new DeliveryMetrics(registry, name, queued);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupPrefix() + name);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "coview-webhook-" + name);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        this.thread = new Thread(this::run, "coview-webhook-" + name);
    }

    /** Starts consuming and delivering. */
    public EndpointDeliverer start() {
        thread.start();
        return this;
    }

    private void run() {
        consumer.subscribe(List.of(config.topic()), new Rebalance());
        try {
            while (running) {
                applyOutcomes();
                startDue();
                commitDone(false);
                pauseFull();
                for (ConsumerRecord<String, String> r : consumer.poll(MAX_POLL)) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    queues.computeIfAbsent(tp, k -> new ArrayDeque<>()).addLast(new Pending(r));
                    queued.incrementAndGet();
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "webhook deliverer %s stopped; undelivered events stay in Kafka", name);
        } finally {
            try {
                applyOutcomes();
                commitDone(true);
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }
    }

    /** Starts the head of every queue that has nothing in flight and is due; skips heads of filtered-out types. */
    private void startDue() {
        Instant now = Instant.now();
        for (Map.Entry<TopicPartition, ArrayDeque<Pending>> e : queues.entrySet()) {
            TopicPartition tp = e.getKey();
            ArrayDeque<Pending> queue = e.getValue();
            while (!inFlight.contains(tp) && !queue.isEmpty()) {
                Pending head = queue.peekFirst();
                if (!wanted(head.record)) {
                    complete(tp, queue);
                    continue;
                }
                if (head.nextAttempt.isAfter(now)) {
                    break;
                }
                send(tp, head, now);
            }
        }
    }

    private boolean wanted(ConsumerRecord<String, String> r) {
        return types.isEmpty() || types.contains(WebhookBody.header(r, CloudEventHeaders.TYPE));
    }

    private void send(TopicPartition tp, Pending p, Instant now) {
        if (p.firstAttempt == null) {
            p.firstAttempt = now;
        }
        p.attempts++;
        String body;
        try {
            body = WebhookBody.of(p.record, mapper, media);
        } catch (Exception e) {
            // Not JSON: no retry can fix it; straight to the dead letters (as an outcome, like any failure).
            p.firstAttempt = Instant.EPOCH;
            inFlight.add(tp);
            outcomes.add(new Outcome(tp, p, "unreadable event: " + e.getMessage(), 0));
            return;
        }
        String id = WebhookBody.header(p.record, CloudEventHeaders.ID);
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(config.requestTimeout())
                .header("content-type", WebhookBody.CONTENT_TYPE)
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature.sign(id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        inFlight.add(tp);
        long started = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            String error = failure != null ? failure.getClass().getSimpleName() + ": " + failure.getMessage()
                    : response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
            outcomes.add(new Outcome(tp, p, error, System.nanoTime() - started));
        });
    }

    private void applyOutcomes() {
        for (Outcome o; (o = outcomes.poll()) != null; ) {
            inFlight.remove(o.partition());
            ArrayDeque<Pending> queue = queues.get(o.partition());
            if (queue == null || queue.peekFirst() != o.pending()) {
                continue; // the partition was revoked meanwhile: its new owner delivers the event again
            }
            metrics.attempt(o.nanos(), o.error() == null);
            Pending p = o.pending();
            if (o.error() == null) {
                metrics.delivered();
                complete(o.partition(), queue);
                continue;
            }
            p.lastError = o.error();
            Duration wait = backoff.after(p.attempts);
            Instant next = Instant.now().plus(wait);
            if (next.isBefore(p.firstAttempt.plus(config.retryFor()))) {
                p.nextAttempt = next;
                LOG.debugf("webhook %s: %s for event %s, attempt %d; next in %s", name, o.error(),
                        WebhookBody.header(p.record, CloudEventHeaders.ID), p.attempts, wait);
                continue;
            }
            try {
                deadLetters.write(p.record, name, p.lastError, p.attempts);
                metrics.deadLettered();
                LOG.warnf("webhook %s: gave up on event %s after %d attempts (%s); it is in the dead-letter topic",
                        name, WebhookBody.header(p.record, CloudEventHeaders.ID), p.attempts, p.lastError);
                complete(o.partition(), queue);
            } catch (Exception e) {
                LOG.errorf(e, "webhook %s: could not write a dead letter; the event stays queued", name);
                p.nextAttempt = next;
            }
        }
    }

    /** Removes the head and marks its offset as done. */
    private void complete(TopicPartition tp, ArrayDeque<Pending> queue) {
        Pending head = queue.pollFirst();
        queued.decrementAndGet();
        done.put(tp, new OffsetAndMetadata(head.record.offset() + 1));
    }

    private void commitDone(boolean sync) {
        if (done.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(done);
        done.clear();
        if (sync) {
            consumer.commitSync(offsets);
        } else {
            consumer.commitAsync(offsets, (o, e) -> {
                if (e != null) {
                    // A later commit covers it; at worst a restart delivers these events again.
                    LOG.debugf(e, "webhook %s: offset commit failed", name);
                }
            });
        }
    }

    private void pauseFull() {
        Set<TopicPartition> full = new HashSet<>();
        Set<TopicPartition> room = new HashSet<>();
        for (TopicPartition tp : consumer.assignment()) {
            ArrayDeque<Pending> q = queues.get(tp);
            (q != null && q.size() >= config.queuedPerPartition() ? full : room).add(tp);
        }
        consumer.pause(full);
        consumer.resume(room);
    }

    /** Hands partitions over cleanly: what was delivered is committed, the rest is the next owner's. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            applyOutcomes();
            Map<TopicPartition, OffsetAndMetadata> mine = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata offset = done.remove(tp);
                if (offset != null) {
                    mine.put(tp, offset);
                }
                ArrayDeque<Pending> q = queues.remove(tp);
                if (q != null) {
                    queued.addAndGet(-q.size());
                }
                inFlight.remove(tp);
            }
            if (!mine.isEmpty()) {
                consumer.commitSync(mine);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }
    }

    /** Stops: commits what was delivered, leaves the rest (and what is in flight) to the next deliverer. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(30).toMillis());
    }
}
