package dev.coview.support.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.contracts.ws.ErrorCodes;
import dev.coview.support.ws.FloodGuard.Verdict;
import dev.coview.support.ws.TinyProtocol.Move;
import dev.coview.support.ws.TinyProtocol.Msg;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inbound path both sockets share, frame by frame; pure unit test with a small sealed protocol. */
class InboundGateTest {

    /** Writes down what the gate did with each frame. */
    static final class Recorder implements InboundGate.Receiver<Msg> {
        final List<String> seen = new ArrayList<>();

        @Override
        public Uni<Void> accept(Msg message) {
            seen.add("accept " + message);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> error(String code, String message) {
            seen.add("error " + code + ": " + message);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> close(int code, String reason) {
            seen.add("close " + code + ": " + reason);
            return Uni.createFrom().voidItem();
        }
    }

    private final Recorder socket = new Recorder();
    private final InboundGate<Msg> gate = new InboundGate<>(new ObjectMapper(), Msg.class, 65536);

    private String pass(Verdict verdict, String text) {
        gate.pass(verdict, text, socket).await().indefinitely();
        return socket.seen.get(socket.seen.size() - 1);
    }

    @Test
    void aWellFormedMessageWithinTheBudgetIsAccepted() {
        assertThat(pass(Verdict.ACCEPT, "{\"type\":\"hello\",\"to\":\"p2\"}")).isEqualTo("accept Hello[to=p2]");
    }

    @Test
    void theFloodVerdictComesBeforeDecodingSoAFloodIsNeverParsed() {
        assertThat(pass(Verdict.DROP, "{\"type\":\"hello\"}"))
                .isEqualTo("error " + ErrorCodes.RATE_LIMITED + ": too many messages; this one was dropped");
        assertThat(pass(Verdict.CLOSE, "{not json"))
                .isEqualTo("close " + CloseCodes.POLICY_VIOLATION + ": too many messages");
    }

    @Test
    void notAJsonObjectClosesWith1007AndSaysWhy() {
        assertThat(pass(Verdict.ACCEPT, "{not json")).isEqualTo("close " + CloseCodes.INVALID_PAYLOAD + ": not valid JSON");
        assertThat(pass(Verdict.ACCEPT, "[\"hello\", {}]"))
                .isEqualTo("close " + CloseCodes.INVALID_PAYLOAD + ": not a JSON object");
    }

    @Test
    void anUnknownTypeOrWrongFieldsGetAnErrorAndTheSocketStaysOpen() {
        assertThat(pass(Verdict.ACCEPT, "{\"type\":\"teleport\"}"))
                .isEqualTo("error " + ErrorCodes.UNKNOWN_TYPE + ": unknown message type: teleport");
        assertThat(pass(Verdict.ACCEPT, "{\"type\":\"move\",\"x\":2,\"y\":0}"))
                .isEqualTo("error " + ErrorCodes.INVALID_MESSAGE + ": x and y must be within 0..1");
        assertThat(socket.seen).noneMatch(s -> s.startsWith("close"));
    }

    @Test
    void theFastPathTakesItsFramesWithoutJacksonAndLeavesTheOthersToTheDecoder() {
        InboundGate<Msg> fast = new InboundGate<>(new ObjectMapper(), Msg.class, 65536,
                text -> text.startsWith("m") ? new Move(0.5, 0.5) : null);
        fast.pass(Verdict.ACCEPT, "m0.5,0.5", socket).await().indefinitely();
        fast.pass(Verdict.ACCEPT, "{\"type\":\"hello\",\"to\":\"p3\"}", socket).await().indefinitely();
        assertThat(socket.seen).containsExactly("accept Move[x=0.5, y=0.5]", "accept Hello[to=p3]");
    }

    @Test
    void anOversizedMessageClosesWith1009NamingTheServicesLimitAndAnythingElseWith1011() {
        IllegalStateException tooBig = new IllegalStateException("Cannot process message: max message size exceeded");
        gate.failed(tooBig, socket).await().indefinitely();
        new InboundGate<>(new ObjectMapper(), Msg.class, 1000).failed(tooBig, socket).await().indefinitely();
        gate.failed(new IllegalStateException("something else"), socket).await().indefinitely();
        assertThat(socket.seen).containsExactly(
                "close " + CloseCodes.MESSAGE_TOO_BIG + ": message larger than 64 KiB",
                "close " + CloseCodes.MESSAGE_TOO_BIG + ": message larger than 1000 bytes",
                "close " + CloseCodes.INTERNAL_ERROR + ": internal error");
    }

    @Test
    void aFrameNettyAlreadyRefusedIsNotClosedAgain() {
        // netty's decoder answers a frame over max-frame-size with 1009 and closes the socket itself; closing it again
        // only logged "Connection already closed", and an unhandled one logged an ERROR with its stack.
        gate.failed(new CorruptedWebSocketFrameException(WebSocketCloseStatus.MESSAGE_TOO_BIG,
                "Max frame length of 65536 has been exceeded."), socket).await().indefinitely();
        assertThat(socket.seen).isEmpty();
        gate.failed(new CorruptedWebSocketFrameException(WebSocketCloseStatus.PROTOCOL_ERROR, "bad opcode"), socket)
                .await().indefinitely();
        assertThat(socket.seen).containsExactly("close " + CloseCodes.INTERNAL_ERROR + ": internal error");
    }
}
