package dev.coview.webhook.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coview.contracts.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A session event as a webhook body: the CloudEvent in structured content mode ({@code application/cloudevents+json}),
 * every {@code ce_} header of the Kafka record as an attribute (extensions included, e.g. {@code externalrefid}) and
 * the record value as {@code data}; snapshot and recording events also get a signed download link
 * ({@link MediaUrls}). A receiver needs no Kafka header conventions.
 */
public final class WebhookBody {

    /** Media type of the body (CloudEvents JSON format). */
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private static final String PREFIX = "ce_";

    private WebhookBody() {
    }

    /**
     * The body for {@code record}; fails when the record value is not JSON (nothing CoView publishes).
     *
     * @param media signs the {@code mediaurl} of snapshot and recording events; {@code null} for none
     */
    public static String of(ConsumerRecord<String, String> record, ObjectMapper mapper, MediaUrls media)
            throws JsonProcessingException {
        ObjectNode event = mapper.createObjectNode();
        for (Header h : record.headers()) {
            if (h.key().startsWith(PREFIX) && h.value() != null) {
                event.put(h.key().substring(PREFIX.length()), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        Header contentType = record.headers().lastHeader(CloudEventHeaders.CONTENT_TYPE);
        if (contentType != null) {
            event.put("datacontenttype", new String(contentType.value(), StandardCharsets.UTF_8));
        }
        JsonNode data = record.value() == null ? mapper.nullNode() : mapper.readTree(record.value());
        if (media != null) {
            media.of(header(record, CloudEventHeaders.TYPE), data).ifPresent(url -> event.put(MediaUrls.ATTRIBUTE, url));
        }
        event.set("data", data);
        return mapper.writeValueAsString(event);
    }

    /** A header of the record as text, or {@code null}. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
