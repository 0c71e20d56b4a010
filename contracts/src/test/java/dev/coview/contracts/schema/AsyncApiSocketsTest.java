package dev.coview.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.AnnotationServerMessage;
import dev.coview.contracts.signal.ClientSignal;
import dev.coview.contracts.signal.ServerSignal;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.contracts.ws.ErrorCodes;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code asyncapi/signal-socket.yaml} and {@code asyncapi/annotation-socket.yaml} describe the sockets as the Java
 * protocol defines them: the client's send operation lists exactly the client message types, the receive operation
 * exactly the server's; every message's payload is the type's schema file; the token travels in the subprotocol; and
 * every close code and error code is one of contracts' constants, under its constant's name. Pure unit test.
 */
class AsyncApiSocketsTest {

    record Socket(String file, String channel, String address, Class<?> client, Class<?> server, String clientFolder,
                  String serverFolder) {
    }

    private static final List<Socket> SOCKETS = List.of(
            new Socket("signal-socket.yaml", "signal", "/ws/signal", ClientSignal.class, ServerSignal.class,
                    "signal/", "signal/"),
            new Socket("annotation-socket.yaml", "annotations", "/ws/annotations", AnnotationClientMessage.class,
                    AnnotationServerMessage.class, "annotation/", "annotation/server/"));

    @Test
    void sendAndReceiveListExactlyTheJavaProtocolsTypesWithTheirSchemaFiles() {
        for (Socket s : SOCKETS) {
            AsyncApiDocument doc = AsyncApiDocument.load(s.file());
            assertThat(doc.root.at("/channels/" + s.channel() + "/address").asText()).isEqualTo(s.address());
            String suffix = Character.toUpperCase(s.channel().charAt(0)) + s.channel().substring(1);
            assertThat(doc.root.at("/operations/send" + suffix + "/action").asText()).isEqualTo("send");
            assertThat(doc.root.at("/operations/receive" + suffix + "/action").asText()).isEqualTo("receive");
            assertThat(new TreeSet<>(doc.messageNames("send" + suffix))).as(s.file() + " send (client → service)")
                    .isEqualTo(wireTypes(s.client()));
            assertThat(new TreeSet<>(doc.messageNames("receive" + suffix))).as(s.file() + " receive (service → client)")
                    .isEqualTo(wireTypes(s.server()));
            for (String message : doc.componentMessages()) {
                JsonNode m = doc.root.at("/components/messages/" + message);
                String type = m.path("name").asText();
                String folder = wireTypes(s.client()).contains(type) ? s.clientFolder() : s.serverFolder();
                assertThat(m.at("/payload/schema/$ref").asText()).as(s.file() + " " + type)
                        .isEqualTo("../schemas/" + folder + type + ".json");
                assertThat(SchemaCatalog.schema(folder + type + ".json")).isNotNull();
            }
        }
    }

    @Test
    void theTokenTravelsInTheSubprotocolAtTheHandshake() {
        for (Socket s : SOCKETS) {
            JsonNode ws = AsyncApiDocument.load(s.file()).root.at("/channels/" + s.channel() + "/bindings/ws");
            assertThat(ws.path("method").asText()).isEqualTo("GET");
            assertThat(ws.at("/headers/required").toString()).contains("Sec-WebSocket-Protocol");
            String pattern = ws.at("/headers/properties/Sec-WebSocket-Protocol/pattern").asText();
            // What a browser sends for new WebSocket(url, ["bearer-token-carrier", encodeURIComponent(…)]).
            String header = "bearer-token-carrier, quarkus-http-upgrade%23Authorization%23Bearer%20"
                    + "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
            assertThat(header).as(s.file()).matches(pattern);
            assertThat("bearer-token-carrier").as(s.file()).doesNotMatch(pattern);
        }
    }

    @Test
    void closeCodesAreContractsConstantsUnderTheirNames() throws Exception {
        Set<Integer> documented = new HashSet<>();
        for (Socket s : SOCKETS) {
            JsonNode codes = AsyncApiDocument.load(s.file()).root.at("/channels/" + s.channel() + "/x-coview-close-codes");
            assertThat(codes.size()).as(s.file()).isPositive();
            for (JsonNode c : codes) {
                Field constant = CloseCodes.class.getField(c.path("name").asText());
                assertThat(constant.getInt(null)).as(s.file() + " " + c).isEqualTo(c.path("code").asInt());
                assertThat(c.path("when").asText()).as(s.file() + " " + c).isNotBlank();
                // RFC 6455 leaves 4xxx to applications; CoView's are final, so a client must not reconnect.
                if (c.path("code").asInt() >= 4000) {
                    assertThat(c.path("reconnect").asBoolean()).as(s.file() + " " + c).isFalse();
                }
                documented.add(c.path("code").asInt());
            }
            // What the design requires of every socket: malformed JSON, flood, oversized frame, ended room.
            Set<Integer> own = new HashSet<>();
            codes.forEach(c -> own.add(c.path("code").asInt()));
            assertThat(own).as(s.file()).contains(CloseCodes.INVALID_PAYLOAD, CloseCodes.POLICY_VIOLATION,
                    CloseCodes.MESSAGE_TOO_BIG, CloseCodes.ROOM_ENDED);
        }
        assertThat(documented).isSubsetOf(constants(CloseCodes.class, int.class).values().stream()
                .map(Integer.class::cast).collect(Collectors.toSet()));
    }

    @Test
    void errorCodesAreContractsConstantsAndTheErrorSchemasEnum() throws Exception {
        Set<String> union = new TreeSet<>();
        for (Socket s : SOCKETS) {
            AsyncApiDocument doc = AsyncApiDocument.load(s.file());
            JsonNode error = doc.message("#/channels/" + s.channel() + "/messages/error");
            Set<String> documented = new TreeSet<>();
            for (JsonNode c : error.path("x-coview-error-codes")) {
                Field constant = ErrorCodes.class.getField(c.path("name").asText());
                assertThat(constant.get(null)).as(s.file() + " " + c).isEqualTo(c.path("code").asText());
                documented.add(c.path("code").asText());
            }
            Set<String> schemaEnum = new TreeSet<>();
            doc.resolve(error.at("/payload/schema/$ref").asText()).at("/properties/code/enum")
                    .forEach(n -> schemaEnum.add(n.asText()));
            assertThat(documented).as(s.file() + " error codes vs the error schema's enum").isEqualTo(schemaEnum);
            union.addAll(documented);
        }
        Set<String> all = constants(ErrorCodes.class, String.class).values().stream().map(String.class::cast)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(union).as("every ErrorCodes constant is sent by some socket").isEqualTo(all);
    }

    /** The {@code name}s of a sealed protocol interface's {@code @JsonSubTypes}. */
    static Set<String> wireTypes(Class<?> sealed) {
        return Stream.of(sealed.getAnnotation(JsonSubTypes.class).value()).map(JsonSubTypes.Type::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static java.util.Map<String, Object> constants(Class<?> holder, Class<?> type) throws Exception {
        java.util.Map<String, Object> values = new java.util.TreeMap<>();
        for (Field f : holder.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == type) {
                values.put(f.getName(), f.get(null));
            }
        }
        return values;
    }
}
