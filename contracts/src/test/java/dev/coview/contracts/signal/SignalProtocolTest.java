package dev.coview.contracts.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.coview.contracts.schema.SchemaCatalog;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The signaling protocol's records and its JSON Schemas ({@code schemas/signal/}) agree: what Java writes validates
 * against the type's schema and the direction's union, what a client writes per the schema reads back as the same
 * record, and the schemas refuse what the service refuses. Pure unit test; no infrastructure.
 */
class SignalProtocolTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private static final String ID_A = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final String ID_B = "BBBBBBBBBBBBBBBBBBBBBB";

    private static List<ServerSignal> serverSamples() {
        Peer a = new Peer(ID_A, "agent", "Ann");
        Peer b = new Peer(ID_B, "customer", "");
        return List.of(
                new Welcome(a, List.of(b), false),
                new PeerJoined(b, true),
                new PeerLeft(ID_B, PeerLeft.LOST),
                new PeerShare(ID_B, Share.CHOOSING),
                new Offer(ID_A, ID_B, "v=0"),
                new Answer(ID_B, ID_A, "v=0"),
                new Candidate(ID_A, ID_B, "candidate:1 1 udp 1 10.0.0.1 5000 typ host", "0", 0, null),
                new Candidate(ID_A, ID_B, "", null, null, null),
                new Candidate(ID_A, ID_B, "candidate:2 1 udp 1 10.0.0.2 5000 typ host", "0", 0, "u", true),
                new Restart(ID_B, ID_A),
                new SignalError("unknown-peer", "no such participant"));
    }

    private static List<ClientSignal> clientSamples() {
        return List.of(
                new Offer(ID_A, null, "v=0"),
                new Answer(ID_B, null, "v=0"),
                new Candidate(ID_A, null, "candidate:1 1 udp 1 10.0.0.1 5000 typ host", "0", 0, "abcd"),
                new Candidate(ID_A, null, "candidate:1 1 udp 1 10.0.0.1 5000 typ host", "0", 0, "abcd", false),
                new Restart(ID_A, null),
                new Bye(),
                new Share(true),
                new Share(false, Share.CONSENT),
                new Share(false, Share.CHOOSING),
                new Share(true, Share.SHARING),
                new Share(true, Share.PAUSED),
                new Share(false, Share.STOPPED));
    }

    @Test
    void everyServerMessageValidatesAgainstItsSchemaAndTheUnionAndRoundTrips() throws Exception {
        assertValidAndRoundTrips(ServerSignal.class, "signal/server-signal.json", serverSamples());
    }

    @Test
    void everyClientMessageValidatesAgainstItsSchemaAndTheUnionAndRoundTrips() throws Exception {
        assertValidAndRoundTrips(ClientSignal.class, "signal/client-signal.json", clientSamples());
    }

    /** Each sample, written as the union, is valid against its type's schema and the union's, and reads back equal. */
    private <T> void assertValidAndRoundTrips(Class<T> union, String unionPath, List<? extends T> samples)
            throws Exception {
        for (T m : samples) {
            String json = mapper.writerFor(union).writeValueAsString(m);
            String type = mapper.readTree(json).get("type").asText();
            SchemaCatalog.assertValid("signal/" + type + ".json", json);
            SchemaCatalog.assertValid(unionPath, json);
            assertThat(mapper.readValue(json, union)).as(json).isEqualTo(m);
        }
    }

    @Test
    void everyWireTypeHasASchemaAndTheUnionsListExactlyTheSubtypes() throws Exception {
        assertUnion(ClientSignal.class, "signal/client-signal.json");
        assertUnion(ServerSignal.class, "signal/server-signal.json");
    }

    private void assertUnion(Class<?> sealed, String unionPath) throws Exception {
        Set<String> names = Stream.of(sealed.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name).collect(Collectors.toSet());
        Set<String> refs = new java.util.HashSet<>();
        try (var in = getClass().getResourceAsStream("/schemas/" + unionPath)) {
            mapper.readTree(in).get("oneOf").forEach(n -> refs.add(n.get("$ref").asText().replace(".json", "")));
        }
        assertThat(refs).isEqualTo(names);
        for (String name : names) {
            assertThat(SchemaCatalog.schema("signal/" + name + ".json")).as(name).isNotNull();
        }
    }

    @Test
    void relayedMessagesAreStampedWithTheSenderAndKeepEverythingElse() {
        Candidate c = new Candidate(ID_A, "forged", "candidate:x", "0", 1, "u");
        Relayed stamped = c.withFrom(ID_B);
        assertThat(stamped).isEqualTo(new Candidate(ID_A, ID_B, "candidate:x", "0", 1, "u"));
    }

    @Test
    void unknownTypesAndMissingFieldsAreRefusedByJacksonAndBySchema() {
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"dance\"}", ClientSignal.class))
                .isInstanceOf(InvalidTypeIdException.class);
        // welcome is a server message: a client may not send it.
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"welcome\"}", ClientSignal.class))
                .isInstanceOf(InvalidTypeIdException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"offer\",\"sdp\":\"v=0\"}", ClientSignal.class))
                .isInstanceOf(ValueInstantiationException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"share\"}", ClientSignal.class))
                .isInstanceOf(ValueInstantiationException.class);
        assertThat(SchemaCatalog.errors("signal/client-signal.json", "{\"type\":\"offer\",\"sdp\":\"v=0\"}"))
                .isNotEmpty();
        assertThat(SchemaCatalog.errors("signal/client-signal.json", "{\"type\":\"welcome\",\"you\":{}}"))
                .isNotEmpty();
        assertThat(SchemaCatalog.errors("signal/peer-left.json",
                "{\"type\":\"peer-left\",\"id\":\"" + ID_A + "\",\"reason\":\"vanished\"}")).isNotEmpty();
    }

    @Test
    void aSharePhaseIsOptionalButNeverContradictsActiveNorUnknown() throws Exception {
        assertThat(mapper.readValue("{\"type\":\"share\",\"active\":true}", ClientSignal.class))
                .isEqualTo(new Share(true, null));
        assertThat(new Share(true).effectivePhase()).isEqualTo(Share.SHARING);
        assertThat(new Share(false).effectivePhase()).isEqualTo(Share.STOPPED);
        assertThat(new Share(true, Share.PAUSED).effectivePhase()).isEqualTo(Share.PAUSED);
        for (String bad : List.of("{\"type\":\"share\",\"active\":true,\"phase\":\"stopped\"}",
                "{\"type\":\"share\",\"active\":false,\"phase\":\"paused\"}",
                "{\"type\":\"share\",\"active\":false,\"phase\":\"dancing\"}")) {
            assertThatThrownBy(() -> mapper.readValue(bad, ClientSignal.class)).as(bad)
                    .isInstanceOf(ValueInstantiationException.class);
            assertThat(SchemaCatalog.errors("signal/client-signal.json", bad)).as(bad).isNotEmpty();
        }
        assertThat(SchemaCatalog.errors("signal/peer-share.json",
                "{\"type\":\"peer-share\",\"id\":\"" + ID_A + "\"}")).isNotEmpty();
    }
}
