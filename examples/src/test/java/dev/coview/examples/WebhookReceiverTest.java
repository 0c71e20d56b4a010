package dev.coview.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.examples.webhook.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The webhook receiver example over real HTTP (its JDK HttpServer on a free port): a correctly signed delivery is
 * handled once however often it is retried; a wrong signature, another secret, a stale timestamp or a missing header
 * is refused with 401 and never reaches the handler. Signatures are computed here independently of the example
 * (HMAC-SHA256 over id.timestamp.body, as webhook-service's EndpointDelivererTest receives them).
 */
class WebhookReceiverTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void handlesSignedDeliveriesOnceAndRefusesForgeries() throws Exception {
        List<JsonNode> handled = new CopyOnWriteArrayList<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try (WebhookReceiver receiver = new WebhookReceiver(0, SECRET, seen::add, handled::add, Clock.systemUTC())) {
            String url = "http://127.0.0.1:" + receiver.port() + "/coview";
            String body = "{\"specversion\":\"1.0\",\"id\":\"e1\",\"type\":\"dev.coview.room.ended\","
                    + "\"externalrefid\":\"5003000000D8cuIAAR\",\"data\":{\"roomId\":\"r\"}}";
            long now = Instant.now().getEpochSecond();

            assertThat(post(url, "e1", now, body, sign(KEY, "e1", now, body))).isEqualTo(204);
            assertThat(post(url, "e1", now, body, sign(KEY, "e1", now, body))).isEqualTo(204); // a retry
            // Rotation: an old and a new signature side by side; one matching is enough.
            assertThat(post(url, "e2", now, body, "v1,AAAA " + sign(KEY, "e2", now, body))).isEqualTo(204);

            byte[] otherKey = "another secret of thirty-two byt".getBytes(StandardCharsets.UTF_8);
            assertThat(post(url, "e3", now, body, sign(otherKey, "e3", now, body))).isEqualTo(401);
            assertThat(post(url, "e4", now, body + " ", sign(KEY, "e4", now, body))).isEqualTo(401);
            assertThat(post(url, "e5", now - 600, body, sign(KEY, "e5", now - 600, body))).isEqualTo(401);
            assertThat(post(url, "e6", now, body, null)).isEqualTo(401);

            assertThat(handled).hasSize(2);
            assertThat(handled.get(0).path("externalrefid").asText()).isEqualTo("5003000000D8cuIAAR");
        }
    }

    private int post(String url, String id, long timestamp, String body, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/cloudevents+json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header("webhook-signature", signature);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String sign(byte[] key, String id, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
