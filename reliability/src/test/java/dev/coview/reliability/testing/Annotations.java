package dev.coview.reliability.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.schema.SchemaCatalog;
import dev.coview.local.servers.ServiceInstance;
import java.util.List;
import java.util.Set;

/**
 * annotation-service's {@code /ws/annotations} for the suite: sockets whose every message is checked against
 * contracts' {@code schemas/annotation/server/<type>.json}, and the messages the tests send.
 */
public final class Annotations {

    public static final String PATH = "/ws/annotations";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SERVER_TYPES = Set.of("state", "state.elements", "event", "error");

    private Annotations() {
    }

    /** Opens {@code /ws/annotations} on {@code instance}; the first message (state) is left in the inbox. */
    public static Peer connect(ServiceInstance instance, String token) {
        return Peer.connect(instance.port(), PATH, token, inbox());
    }

    /** An inbox that checks each message against the annotation server schema of its type. */
    public static Inbox inbox() {
        return new Inbox(Annotations::violations);
    }

    static List<String> violations(String text) {
        String type;
        try {
            JsonNode node = JSON.readTree(text);
            type = node.path("type").asText();
        } catch (Exception e) {
            return List.of("not JSON");
        }
        if (!SERVER_TYPES.contains(type)) {
            return List.of("not a server message type: " + type);
        }
        return SchemaCatalog.errors("annotation/server/" + type + ".json", text);
    }

    /** A whole pen stroke with id {@code id}. */
    public static String stroke(String id) {
        return "{\"type\":\"stroke\",\"id\":\"" + id + "\",\"tool\":\"pen\",\"color\":\"#ff0000\",\"width\":0.005,"
                + "\"points\":[0.1,0.1,0.2,0.2,0.3,0.25]}";
    }

    /** A rectangle with id {@code id}. */
    public static String shape(String id) {
        return "{\"type\":\"shape\",\"id\":\"" + id + "\",\"kind\":\"rect\",\"x1\":0.1,\"y1\":0.1,\"x2\":0.2,"
                + "\"y2\":0.2,\"color\":\"#0000ff\",\"width\":0.01}";
    }

    public static String pointer(double x, double y) {
        return "{\"type\":\"pointer\",\"x\":" + x + ",\"y\":" + y + "}";
    }
}
