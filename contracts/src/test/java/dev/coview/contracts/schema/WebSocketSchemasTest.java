package dev.coview.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket messages' schemas catch a broken message of each kind (a wrong type, a missing field, a bad id) in
 * the unions the services' tests validate against: {@code signal/server-signal.json} and
 * {@code annotation/server/<type>.json} for what a service sends, {@code signal/client-signal.json} and
 * {@code annotation/client-message.json} for what a client sends. Each broken message is a valid one with one
 * thing changed, and the valid one passes, so a failure here is the schema's. Pure unit test.
 */
class WebSocketSchemasTest {

    private static final String A = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final String B = "BBBBBBBBBBBBBBBBBBBBBB";
    private static final String ROOM = "RRRRRRRRRRRRRRRRRRRRRR";

    @Test
    void signalServerMessages() {
        String welcome = """
                {"type":"welcome","you":{"id":"%s","role":"agent","name":"Ann"},
                 "peers":[{"id":"%s","role":"customer","name":""}],"resumed":false}""".formatted(A, B);
        String offer = """
                {"type":"offer","to":"%s","from":"%s","sdp":"v=0"}""".formatted(B, A);
        assertCaught("signal/server-signal.json", welcome, Map.of(
                "wrong type", welcome.replace("\"welcome\"", "\"welcomed\""),
                "missing field", welcome.replace(",\"resumed\":false", ""),
                "bad participant id", welcome.replace(B, "../" + B)));
        assertCaught("signal/server-signal.json", offer, Map.of(
                "wrong type", offer.replace("\"offer\"", "\"bye\""),
                "missing field", offer.replace(",\"sdp\":\"v=0\"", ""),
                "bad participant id", offer.replace(A, "someone")));
        String error = """
                {"type":"error","code":"unknown-peer","message":"no participant x in this room"}""";
        assertCaught("signal/server-signal.json", error, Map.of(
                "unknown error code", error.replace("unknown-peer", "teapot"),
                "missing field", error.replace(",\"message\":\"no participant x in this room\"", "")));
    }

    @Test
    void signalClientMessages() {
        String candidate = """
                {"type":"candidate","to":"%s","candidate":"candidate:1 1 udp 1 10.0.0.1 5000 typ host",
                 "sdpMid":"0","sdpMLineIndex":0}""".formatted(B);
        assertCaught("signal/client-signal.json", candidate, Map.of(
                "server-only type", candidate.replace("\"candidate\",\"to\"", "\"welcome\",\"to\""),
                "missing field", candidate.replace("\"to\":\"" + B + "\",", ""),
                "bad participant id", candidate.replace(B, B + "!"),
                "wrong field type", candidate.replace("\"sdpMLineIndex\":0", "\"sdpMLineIndex\":\"0\"")));
    }

    @Test
    void annotationClientMessages() {
        String shape = """
                {"type":"shape","id":"h1","kind":"arrow","x1":0.1,"y1":0.1,"x2":0.5,"y2":0.2,"color":"#00ff00",
                 "width":0.01}""";
        assertCaught("annotation/client-message.json", shape, Map.of(
                "wrong type", shape.replace("\"shape\"", "\"shapes\""),
                "missing field", shape.replace("\"kind\":\"arrow\",", ""),
                "bad element id", shape.replace("\"h1\"", "\"h 1\""),
                "out of range", shape.replace("\"x2\":0.5", "\"x2\":1.5")));
        String freeze = """
                {"type":"freeze","on":true,"snapshotId":"%s"}""".formatted(A);
        assertCaught("annotation/client-message.json", freeze, Map.of(
                "bad snapshot id", freeze.replace(A, "../" + A),
                "missing field", freeze.replace("\"on\":true,", "")));
    }

    @Test
    void annotationServerMessages() {
        String event = """
                {"type":"event","eventId":"%s-1f","roomId":"%s","authorId":"%s","seq":3,"ts":1700000000000,
                 "event":{"type":"erase","id":"h1"},
                 "changes":[{"id":"h1","authorId":"%s","version":2,"deleted":true,
                   "drawable":{"type":"stroke","id":"h1","tool":"pen","color":"#000000","width":0.01,
                               "points":[0.1,0.1]}}]}""".formatted(A, ROOM, B, B);
        assertCaught("annotation/server/event.json", event, Map.of(
                "wrong type", event.replace("\"type\":\"event\"", "\"type\":\"state\""),
                "missing field", event.replace("\"ts\":1700000000000,", ""),
                "bad room id", event.replace(ROOM, "room-1"),
                "bad author id", event.replace("\"authorId\":\"" + B + "\",\"seq\"", "\"authorId\":\"p1\",\"seq\""),
                "bad event id", event.replace(A + "-1f", "e 1"),
                "unknown inner type", event.replace("\"erase\"", "\"wipe\"")));
        String state = """
                {"type":"state","seq":0,"elements":[],"masks":[],"paused":false,"history":[],
                 "freeze":{"authorId":"%s","snapshotId":"%s"}}""".formatted(B, A);
        assertCaught("annotation/server/state.json", state, Map.of(
                "missing field", state.replace("\"seq\":0,", ""),
                "bad snapshot id", state.replace("\"snapshotId\":\"" + A + "\"", "\"snapshotId\":\"a/b\""),
                "bad author id", state.replace("\"authorId\":\"" + B + "\"", "\"authorId\":\"\"")));
        String error = """
                {"type":"error","code":"forbidden","message":"needs grant annotate"}""";
        assertCaught("annotation/server/error.json", error, Map.of(
                "code of the other socket", error.replace("forbidden", "unknown-peer"),
                "wrong type", error.replace("\"error\"", "\"warning\"")));
    }

    /**
     * A message carries at most 2,000 points (4,000 numbers), a stroke in the state up to the service's per-stroke
     * limit of 20,000 (joined from its messages): a late joiner's state with a stroke of the longest kind is valid,
     * the same points in one client message are not.
     */
    @Test
    void theStateHoldsWholeStrokesLongerThanOneMessage() {
        String longest = numbers(40_000);
        String state = """
                {"type":"state","seq":10,"elements":[{"id":"s1","authorId":"%s","version":10,"deleted":false,
                 "drawable":{"type":"stroke","id":"s1","tool":"pen","color":"#ff0000","width":0.005,
                             "points":[%s]}}],"masks":[],"paused":false,"history":[]}""".formatted(B, longest);
        assertCaught("annotation/server/state.json", state, Map.of(
                "over the per-stroke limit", state.replace("[" + longest, "[0.5,0.5," + longest),
                "a phase in the state", state.replace("\"tool\":\"pen\"", "\"phase\":\"end\",\"tool\":\"pen\""),
                "no colour", state.replace("\"color\":\"#ff0000\",", "")));
        String message = """
                {"type":"stroke","id":"s1","tool":"pen","color":"#ff0000","width":0.005,"points":[%s]}""";
        assertThat(SchemaCatalog.errors("annotation/client-message.json", message.formatted(numbers(4_000))))
                .isEmpty();
        assertThat(SchemaCatalog.errors("annotation/client-message.json", message.formatted(longest)))
                .as("a message of more than 2,000 points").isNotEmpty();
    }

    /** {@code count} coordinates in the unit square, comma-separated. */
    private static String numbers(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ",").append((i % 1000) / 1000.0);
        }
        return b.toString();
    }

    private static void assertCaught(String schema, String valid, Map<String, String> broken) {
        assertThat(SchemaCatalog.errors(schema, valid)).as("valid " + valid).isEmpty();
        for (Map.Entry<String, String> b : broken.entrySet()) {
            assertThat(b.getValue()).as(b.getKey() + " must change the message").isNotEqualTo(valid);
            List<String> errors = SchemaCatalog.errors(schema, b.getValue());
            assertThat(errors).as(schema + " must refuse: " + b.getKey() + "\n" + b.getValue()).isNotEmpty();
        }
    }
}
