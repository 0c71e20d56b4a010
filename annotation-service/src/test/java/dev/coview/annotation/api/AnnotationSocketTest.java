package dev.coview.annotation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Role;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.CloseReason;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The socket's behaviour against the real Kafka and Redis of deploy/local ({@link LocalStackResource}): state for
 * late joiners, undo and redo, validation, and the protocol's errors and close codes.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class AnnotationSocketTest {

    static final String STROKE = """
            {"type":"stroke","id":"%s","tool":"pen","color":"#ff0000","width":0.005,"points":[0.1,0.1,0.2,0.2]}""";

    @TestHTTPResource("/")
    URI base;

    @Test
    void lateJoinerReceivesTheFullStateThenLiveEvents() {
        String room = TestTokens.randomId();
        try (TestSocket agent = TestSocket.open(base, room, Role.AGENT);
             TestSocket customer = TestSocket.open(base, room, Role.CUSTOMER)) {
            assertThat(agent.expect("state").get("seq").asLong()).isZero();
            customer.expect("state");
            agent.send(STROKE.formatted("s1"));
            agent.send("""
                    {"type":"shape","id":"h1","kind":"text","x1":0.3,"y1":0.3,"x2":0.6,"y2":0.4,"color":"#00ff00",\
                    "width":0.01,"text":"here"}""");
            customer.send("""
                    {"type":"crop","x":0.1,"y":0.2,"w":0.5,"h":0.5,"sourceW":2560,"sourceH":1440}""");
            customer.send("{\"type\":\"masks\",\"rects\":[{\"x\":0,\"y\":0,\"w\":0.1,\"h\":0.1}]}");
            customer.send("{\"type\":\"pause\",\"on\":true}");
            agent.send("{\"type\":\"freeze\",\"on\":true,\"snapshotId\":\"snap-1\"}");
            agent.send("{\"type\":\"reference.push\",\"url\":\"https://example.com/help\"}");
            // Two sockets: the room's order interleaves them as Kafka got them; wait for all seven.
            List<Long> seqs = new java.util.ArrayList<>();
            List<JsonNode> seen = new java.util.ArrayList<>();
            for (int i = 0; i < 7; i++) {
                JsonNode e = customer.expect("event");
                seen.add(e);
                seqs.add(e.get("seq").asLong());
            }
            assertThat(seqs).as("%s", seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);

            try (TestSocket observer = TestSocket.open(base, room, Role.OBSERVER)) {
                JsonNode state = observer.expect("state");
                assertThat(state.get("seq").asLong()).isEqualTo(7);
                assertThat(state.at("/elements/0/drawable/type").asText()).isEqualTo("stroke");
                assertThat(state.at("/elements/0/drawable/points").size()).isEqualTo(4);
                assertThat(state.at("/elements/0/authorId").asText()).isEqualTo(agent.participantId);
                assertThat(state.at("/elements/1/drawable/text").asText()).isEqualTo("here");
                assertThat(state.at("/crop/sourceW").asInt()).isEqualTo(2560);
                assertThat(state.at("/masks").size()).isEqualTo(1);
                assertThat(state.get("paused").asBoolean()).isTrue();
                assertThat(state.at("/freeze/snapshotId").asText()).isEqualTo("snap-1");
                assertThat(state.at("/reference/url").asText()).isEqualTo("https://example.com/help");
                assertThat(state.at("/history/0/undo").asInt()).isEqualTo(2);

                customer.send("{\"type\":\"reference.answer\",\"accepted\":true}");
                JsonNode live = observer.expect("event");
                assertThat(live.get("seq").asLong()).isEqualTo(8);
                assertThat(live.get("authorId").asText()).isEqualTo(customer.participantId);
                assertThat(live.at("/event/accepted").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void undoAndRedoArePerAuthorAndBumpVersions() {
        String room = TestTokens.randomId();
        try (TestSocket agent = TestSocket.joined(base, room, Role.AGENT);
             TestSocket customer = TestSocket.joined(base, room, Role.CUSTOMER)) {
            agent.send(STROKE.formatted("a1"));
            customer.send(STROKE.formatted("c1"));
            customer.event("stroke");
            customer.event("stroke");
            customer.send("{\"type\":\"undo\"}");
            JsonNode undo = customer.event("undo");
            assertThat(undo.at("/changes/0/id").asText()).isEqualTo("c1");
            assertThat(undo.at("/changes/0/deleted").asBoolean()).isTrue();
            assertThat(undo.at("/changes/0/version").asLong()).isEqualTo(2);
            customer.send("{\"type\":\"redo\"}");
            JsonNode redo = customer.event("redo");
            assertThat(redo.at("/changes/0/deleted").asBoolean()).isFalse();
            assertThat(redo.at("/changes/0/version").asLong()).isEqualTo(3);
            // The customer may not erase the agent's stroke; the agent (admin) may clear everything.
            customer.send("{\"type\":\"erase\",\"id\":\"a1\"}");
            assertThat(customer.next(n -> n.get("type").asText().equals("error")).get("code").asText())
                    .isEqualTo("forbidden");
            agent.send("{\"type\":\"clear\",\"scope\":\"all\"}");
            JsonNode clear = customer.event("clear");
            List<String> cleared = new java.util.ArrayList<>();
            clear.get("changes").forEach(e -> cleared.add(e.get("id").asText()));
            assertThat(cleared).containsExactlyInAnyOrder("a1", "c1");
        }
    }

    @Test
    void invalidMessagesAreRefusedAndTheSocketStaysOpen() {
        String room = TestTokens.randomId();
        try (TestSocket agent = TestSocket.joined(base, room, Role.AGENT)) {
            for (String bad : List.of(
                    "{\"type\":\"pointer\",\"x\":1e999,\"y\":0.5}",
                    "{\"type\":\"pointer\",\"x\":1.5,\"y\":0.5}",
                    "{\"type\":\"pointer\",\"x\":0.5}",
                    "{\"type\":\"reference.push\",\"url\":\"javascript:alert(1)\"}",
                    "{\"type\":\"reference.push\",\"url\":\"ftp://example.com/x\"}",
                    "{\"type\":\"stroke\",\"id\":\"s\",\"tool\":\"pen\",\"color\":\"red\",\"width\":0.01,"
                            + "\"points\":[0.1,0.1]}",
                    "{\"type\":\"stroke\",\"id\":\"s\",\"tool\":\"pen\",\"color\":\"#ff0000\",\"width\":0.01,"
                            + "\"points\":[0.1]}",
                    "{\"type\":\"shape\",\"id\":\"x\",\"kind\":\"text\",\"x1\":0,\"y1\":0,\"x2\":1,\"y2\":1,"
                            + "\"color\":\"#000000\",\"width\":0.01,\"text\":\"" + "x".repeat(501) + "\"}")) {
                agent.send(bad);
                JsonNode error = agent.expect("error");
                assertThat(error.get("code").asText()).as(bad).isEqualTo("invalid-message");
            }
            agent.send("{\"type\":\"teleport\",\"x\":0}");
            assertThat(agent.expect("error").get("code").asText()).isEqualTo("unknown-type");
            agent.send(STROKE.formatted("still-open"));
            assertThat(agent.event("stroke").at("/event/id").asText()).isEqualTo("still-open");
        }
    }

    @Test
    void malformedJsonClosesWith1007() {
        try (TestSocket agent = TestSocket.open(base, TestTokens.randomId(), Role.AGENT)) {
            agent.expect("state");
            agent.send("{\"type\":\"pointer\",");
            assertThat(agent.awaitClose().getCode()).isEqualTo(CloseCodes.INVALID_PAYLOAD);
        }
    }

    @Test
    void oversizedFrameClosesWith1009() {
        try (TestSocket agent = TestSocket.open(base, TestTokens.randomId(), Role.AGENT)) {
            agent.expect("state");
            agent.send("{\"type\":\"pointer.hide\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}");
            assertThat(agent.awaitClose().getCode()).isEqualTo(CloseCodes.MESSAGE_TOO_BIG);
        }
    }

    @Test
    void aFloodIsRateLimitedThenClosedWith1008() {
        try (TestSocket customer = TestSocket.open(base, TestTokens.randomId(), Role.CUSTOMER)) {
            customer.expect("state");
            CloseReason reason = null;
            for (int i = 0; i < 2000 && !customer.closed.isDone(); i++) {
                try {
                    customer.send("{\"type\":\"undo\"}");
                } catch (RuntimeException closedMeanwhile) {
                    break;
                }
            }
            reason = customer.awaitClose();
            assertThat(reason.getCode()).isEqualTo(CloseCodes.POLICY_VIOLATION);
            assertThat(customer.drain()).anyMatch(n -> n.path("code").asText().equals("rate-limited"));
        }
    }
}
