package dev.coview.annotation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Role;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message type × every role, against the real Kafka and Redis of deploy/local: an allowed message comes
 * back as the room's event, any other is refused with {@code error forbidden} and never reaches the room.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class GrantsTest {

    private static final Set<Role> BOTH = Set.of(Role.AGENT, Role.CUSTOMER);
    private static final Set<Role> AGENT = Set.of(Role.AGENT);
    private static final Set<Role> CUSTOMER = Set.of(Role.CUSTOMER);

    @TestHTTPResource("/")
    URI base;

    static Stream<Arguments> table() {
        Object[][] rows = {
                {"pointer", "{\"type\":\"pointer\",\"x\":0.5,\"y\":0.5}", BOTH},
                {"pointer.hide", "{\"type\":\"pointer.hide\"}", BOTH},
                {"stroke", AnnotationSocketTest.STROKE.formatted("g1"), BOTH},
                {"ink", "{\"type\":\"ink\",\"id\":\"g1\",\"tool\":\"pen\",\"color\":\"#ff0000\",\"width\":0.01,"
                        + "\"points\":[0.1,0.1,0.2,0.2]}", BOTH},
                {"shape", "{\"type\":\"shape\",\"id\":\"g2\",\"kind\":\"rect\",\"x1\":0.1,\"y1\":0.1,\"x2\":0.2,"
                        + "\"y2\":0.2,\"color\":\"#0000ff\",\"width\":0.01}", BOTH},
                {"erase", "{\"type\":\"erase\",\"id\":\"nothing\"}", BOTH},
                {"undo", "{\"type\":\"undo\"}", BOTH},
                {"redo", "{\"type\":\"redo\"}", BOTH},
                {"clear", "{\"type\":\"clear\",\"scope\":\"own\"}", BOTH},
                {"clear", "{\"type\":\"clear\",\"scope\":\"all\"}", AGENT},
                {"crop", "{\"type\":\"crop\",\"x\":0,\"y\":0,\"w\":1,\"h\":1,\"sourceW\":1920,\"sourceH\":1080}",
                        CUSTOMER},
                {"crop.request", "{\"type\":\"crop.request\",\"x\":0,\"y\":0,\"w\":0.5,\"h\":0.5}", AGENT},
                {"masks", "{\"type\":\"masks\",\"rects\":[]}", CUSTOMER},
                // Two-way sharing: a share's crop, masks and pause are its sharer's alone; drawing works on either.
                {"crop", "{\"type\":\"crop\",\"x\":0,\"y\":0,\"w\":1,\"h\":1,\"sourceW\":1920,\"sourceH\":1080,"
                        + "\"shareId\":\"agent\"}", AGENT},
                {"pause", "{\"type\":\"pause\",\"on\":true,\"shareId\":\"agent\"}", AGENT},
                {"shape", "{\"type\":\"shape\",\"id\":\"g3\",\"kind\":\"rect\",\"x1\":0.1,\"y1\":0.1,\"x2\":0.2,"
                        + "\"y2\":0.2,\"color\":\"#0000ff\",\"width\":0.01,\"shareId\":\"agent\"}", BOTH},
                {"pause", "{\"type\":\"pause\",\"on\":true}", CUSTOMER},
                {"freeze", "{\"type\":\"freeze\",\"on\":true}", AGENT},
                {"reference.push", "{\"type\":\"reference.push\",\"url\":\"https://example.com/\"}", AGENT},
                {"reference.answer", "{\"type\":\"reference.answer\",\"accepted\":false}", CUSTOMER},
                {"snapshot.saved", "{\"type\":\"snapshot.saved\",\"snapshotId\":\"snap-9\"}", AGENT},
                {"recording.request", "{\"type\":\"recording.request\",\"requestId\":\"ask-1\"}", AGENT},
                {"recording.consent", "{\"type\":\"recording.consent\",\"requestId\":\"ask-1\",\"granted\":false}",
                        CUSTOMER},
                {"recording", "{\"type\":\"recording\",\"on\":false}", AGENT},
        };
        return Stream.of(rows).flatMap(r -> Stream.of(Role.values())
                .map(role -> Arguments.of(r[0], r[1], role, ((Set<?>) r[2]).contains(role))));
    }

    @ParameterizedTest(name = "{0} by {2}: allowed={3}")
    @MethodSource("table")
    void eachMessageNeedsItsGrant(String type, String json, Role role, boolean allowed) {
        String room = TestTokens.randomId();
        try (TestSocket sender = TestSocket.joined(base, room, role)) {
            if (type.equals("reference.answer")) {
                // Answering needs a pending reference, so that an allowed answer is accepted.
                try (TestSocket agent = TestSocket.joined(base, room, Role.AGENT)) {
                    agent.send("{\"type\":\"reference.push\",\"url\":\"https://example.com/\"}");
                    sender.event("reference.push");
                }
            } else if (type.equals("recording.consent")) {
                // Consenting needs a pending request, so that an allowed answer is accepted.
                try (TestSocket agent = TestSocket.joined(base, room, Role.AGENT)) {
                    agent.send("{\"type\":\"recording.request\",\"requestId\":\"ask-1\"}");
                    sender.event("recording.request");
                }
            }
            sender.send(json);
            if (!allowed) {
                JsonNode error = sender.expect("error");
                assertThat(error.get("code").asText()).isEqualTo("forbidden");
                return;
            }
            if (type.equals("pointer") || type.equals("pointer.hide") || type.equals("ink")) {
                // Pointer traffic and live ink go to the room's other sockets, never back to their author.
                try (TestSocket watcher = TestSocket.joined(base, room, Role.OBSERVER)) {
                    JsonNode relayed = watcher.pollEvent(type, json, sender);
                    assertThat(relayed.get("authorId").asText()).isEqualTo(sender.participantId);
                }
                // A stroke sent now comes back after any echo of the moves: none may come before it.
                sender.send(AnnotationSocketTest.STROKE.formatted("after-" + type.replace('.', '-')));
                JsonNode first = sender.next(n -> n.get("type").asText().equals("event"));
                assertThat(first.at("/event/type").asText()).as("no pointer or ink comes back to its author")
                        .isEqualTo("stroke");
                return;
            }
            JsonNode event = sender.expect("event");
            assertThat(event.at("/event/type").asText()).isEqualTo(type);
            assertThat(event.get("authorId").asText()).isEqualTo(sender.participantId);
        }
    }
}
