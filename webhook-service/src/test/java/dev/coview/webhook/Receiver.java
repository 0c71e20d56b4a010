package dev.coview.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/**
 * A real HTTP webhook receiver (the JDK's HttpServer on a free port): records every request it gets and answers
 * with the status a test chooses per request.
 */
final class Receiver implements AutoCloseable {

    /** One request as received, and the status it was answered with. */
    record Request(String id, String timestamp, String signature, String contentType, String body, int status) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<Request> answer = r -> 204;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            var h = exchange.getRequestHeaders();
            Request seen = new Request(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                    h.getFirst("webhook-signature"), h.getFirst("content-type"), body, 0);
            int status = answer.applyAsInt(seen);
            requests.add(new Request(seen.id(), seen.timestamp(), seen.signature(), seen.contentType(), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Decides the status of each request from now on. */
    void answer(ToIntFunction<Request> answer) {
        this.answer = answer;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests answered with a 2xx, in arrival order. */
    List<Request> accepted() {
        return requests.stream().filter(r -> r.status() / 100 == 2).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
