package dev.coview.webhook.config;

import dev.coview.contracts.kafka.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The webhook endpoints operators configure and how deliveries to them are paced. An endpoint is
 * {@code coview.webhooks.endpoints.<name>.url|secret|types}; its name labels its metrics and its Kafka consumer group.
 */
@ConfigMapping(prefix = "coview.webhooks")
public interface WebhookConfig {

    /** The endpoints, by name (letters, digits, {@code -}; it names a consumer group and a metrics label). */
    Map<String, Endpoint> endpoints();

    /** The topic whose events are delivered. */
    @WithDefault(Topics.SESSION_EVENTS)
    String topic();

    /** Prefix of each endpoint's Kafka consumer group: {@code <prefix><name>}, so endpoints never wait for each other. */
    @WithDefault("coview-webhooks-")
    String groupPrefix();

    /** How long an event is retried before it goes to the dead-letter topic, from its first attempt. */
    @WithDefault("PT25H")
    Duration retryFor();

    /** Wait before the second attempt; each further wait doubles, up to {@link #maxBackoff()}. */
    @WithDefault("PT5S")
    Duration initialBackoff();

    /** Longest wait between two attempts. */
    @WithDefault("PT15M")
    Duration maxBackoff();

    /** Time an endpoint has to answer one delivery (connect and response). */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /** Events held in memory per partition and endpoint before the partition is paused (bounded in-flight). */
    @WithDefault("100")
    int queuedPerPartition();

    /**
     * The secret of room-service's signed download links (base64 of 32+ bytes, env {@code COVIEW_MEDIA_LINK_SECRET},
     * the same value as room-service's); without it webhooks carry no {@code mediaurl}.
     */
    Optional<String> mediaLinkSecret();

    /** room-service's public URL the links point at, e.g. {@code https://coview.example.com}. */
    Optional<String> mediaBaseUrl();

    /** How long the link in a webhook works (counted from each attempt). */
    @WithDefault("PT15M")
    Duration mediaLinkTtl();

    /** One endpoint. */
    interface Endpoint {
        /** Where events are POSTed (https in production; http only for local receivers). */
        String url();

        /** The signing secret, Standard Webhooks form {@code whsec_<base64 of 24 to 64 random bytes>}. */
        String secret();

        /** CloudEvents types delivered, e.g. {@code dev.coview.room.ended}; all session events when absent. */
        Optional<List<String>> types();
    }
}
