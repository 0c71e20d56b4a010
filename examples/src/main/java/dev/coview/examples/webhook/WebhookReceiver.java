package dev.coview.examples.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver of CoView's webhooks (JDK HttpServer, no framework) that does what docs/integrations.md asks: verify
 * {@code webhook-signature} (HMAC-SHA256 over {@code id.timestamp.body} with the {@code whsec_} secret, constant-time
 * comparison, several signatures allowed during a secret rotation), refuse timestamps more than 5 minutes off,
 * deduplicate on {@code webhook-id}, answer 2xx only once the event is handled. The body is the CloudEvent in
 * structured JSON form.
 *
 * <p>Run it: {@code java -cp … dev.coview.examples.webhook.WebhookReceiver <port> <whsec_…>}; it prints each event.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** What the application does with one verified, first-seen event (the CloudEvent as JSON). */
    public interface Handler {
        void handle(JsonNode cloudEvent) throws Exception;
    }

    /** Farthest a {@code webhook-timestamp} may be from this clock, in seconds. */
    static final long TOLERANCE_SECONDS = 300;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final byte[] key;
    private final Predicate<String> firstTime;
    private final Handler handler;
    private final Clock clock;

    /**
     * @param secret    the endpoint's {@code whsec_…} secret
     * @param firstTime whether a webhook id is new (and remembers it)
     */
    public WebhookReceiver(int port, String secret, Predicate<String> firstTime, Handler handler, Clock clock)
            throws IOException {
        this.key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
        this.firstTime = firstTime;
        this.handler = handler;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/coview", this::receive);
        server.start();
    }

    /** The port it listens on (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (!verified(id, timestamp, body, signatures)) {
                exchange.sendResponseHeaders(401, -1);              // not CoView, or replayed: never retried into success
                return;
            }
            if (!firstTime.test(id)) {
                exchange.sendResponseHeaders(204, -1);              // a retry of what we already have
                return;
            }
            try {
                handler.handle(JSON.readTree(body));
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);              // CoView retries with backoff
                return;
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** Whether the headers prove that CoView sent this body just now. */
    boolean verified(String id, String timestamp, String body, String signatures) {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(clock.instant().getEpochSecond() - sent) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected = hmac(id + "." + timestamp + "." + body);
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,")) {
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                        return true;
                    }
                } catch (IllegalArgumentException notBase64) {
                    // try the next one
                }
            }
        }
        return false;
    }

    private byte[] hmac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static void main(String[] args) throws IOException {
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        WebhookReceiver receiver = new WebhookReceiver(Integer.parseInt(args[0]), args[1], seen::add,
                event -> System.out.printf("%s %s subject=%s ref=%s %s%n", event.path("id").asText(),
                        event.path("type").asText(), event.path("subject").asText(),
                        event.path("externalrefid").asText("-"), event.path("data")), Clock.systemUTC());
        System.out.println("listening on http://0.0.0.0:" + receiver.port() + "/coview");
    }
}
