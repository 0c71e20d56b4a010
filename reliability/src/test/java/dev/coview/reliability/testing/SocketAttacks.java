package dev.coview.reliability.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.local.testing.RawWebSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The attacks every socket of the suite ({@code /ws/signal}, {@code /ws/annotations}) must meet the same way:
 * texts refused with an error, texts that close the socket, frames no browser sends (written on a
 * {@link RawWebSocket}) and a flood from a well-formed client. What each case must get is the caller's: a case is
 * {@code {what, text, expected outcome}}, outcomes are put in {@code observed}, what they must be in
 * {@code expected}.
 */
public final class SocketAttacks {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private SocketAttacks() {
    }

    /** Sends each text on {@code peer}: each must be refused with an {@code error}, the socket left open. */
    public static void refused(Peer peer, List<String[]> cases, Map<String, String> observed,
                               Map<String, String> expected) {
        for (String[] c : cases) {
            peer.send(c[1]);
            JsonNode reply = peer.inbox().next("error", WAIT);
            observed.put(c[0], "error " + reply.get("code").asText());
            expected.put(c[0], c[2]);
        }
        assertThat(peer.inbox().isClosed()).as("errors leave the socket open").isFalse();
    }

    /**
     * Sends each text on a socket of its own ({@code open} answers one that has had its greeting), which it must
     * close with a code; {@code between} runs after each (a healthy room's probe).
     */
    public static void closing(Supplier<Peer> open, List<String[]> cases, Map<String, String> observed,
                               Map<String, String> expected, Runnable between) {
        for (String[] c : cases) {
            Peer q = open.get();
            q.trySend(c[1]);
            int code = q.inbox().closeCodeWithin(WAIT);
            observed.put(c[0], code < 0 ? "still open, " + q.inbox().raw() : "close " + code);
            expected.put(c[0], c[2]);
            q.close();
            between.run();
        }
    }

    /**
     * A 1 MiB message in one frame, a text frame that is not UTF-8 and a binary frame, each on a socket of its own,
     * the outcomes put in {@code observed} and what they must be in {@code expected}.
     *
     * @param unknownType a message type the socket does not know (padded to 1 MiB)
     * @param valid       a valid message of the socket (sent as a binary frame, which the socket must ignore)
     */
    public static void rawFrames(int port, String path, String token, String unknownType, String valid,
                                 Map<String, String> observed, Map<String, String> expected) throws IOException {
        // A browser sends a message as one frame, however large (a library client may fragment it).
        try (RawWebSocket raw = RawWebSocket.connect(port, path, token, Peer.ORIGIN)) {
            byte[] mib = ("{\"type\":\"" + unknownType + "\",\"pad\":\"" + "p".repeat(1 << 20) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            int closed = raw.sendUntilClosed(1, mib, WAIT);
            // The documented close is 1009. While the client is still writing the frame the server may drop the
            // connection instead (1006): a known gap (issue 24), so either ends the socket here, nothing else does.
            observed.put("1 MiB in one frame (raw)", closed == 1009 || closed == 1006 ? "closed" : "close " + closed);
            expected.put("1 MiB in one frame (raw)", "closed");
        }
        // Not UTF-8, and a binary frame: what no browser sends.
        try (RawWebSocket raw = RawWebSocket.connect(port, path, token, Peer.ORIGIN)) {
            raw.send(1, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
            observed.put("text frame not UTF-8", "close " + raw.awaitClose(WAIT));
            expected.put("text frame not UTF-8", "close 1007");
        }
        try (RawWebSocket raw = RawWebSocket.connect(port, path, token, Peer.ORIGIN)) {
            raw.send(2, valid.getBytes(StandardCharsets.UTF_8));
            raw.send(1, ("{\"type\":\"" + unknownType + "\"}").getBytes(StandardCharsets.UTF_8));
            List<String> texts = new ArrayList<>();
            int code = raw.awaitClose(Duration.ofSeconds(2), texts);
            observed.put("binary frame", code == 0 ? "ignored, " + texts.size() + " replies" : "close " + code);
            // Not in the protocol: websockets-next drops it (no binary handler), the socket goes on: the greeting,
            // then the answer to the text frame.
            expected.put("binary frame", "ignored, 2 replies");
        }
    }

    /**
     * Sends {@code message} on {@code peer} as fast as it goes, {@code atMost} times or until the socket closes;
     * the flood must be refused ({@code rate-limited}) before it is closed with 1008. Prints the figures.
     */
    public static void flood(String what, Peer peer, String message, int atMost) {
        int sent = 0;
        while (!peer.inbox().isClosed() && sent < atMost) {
            if (!peer.trySend(message)) {
                break;
            }
            sent++;
        }
        int code = peer.inbox().closeCode(WAIT);
        long rateLimited = peer.inbox().raw().stream().filter(t -> t.contains("\"rate-limited\"")).count();
        System.out.printf("%s flood: %d messages sent, %d answered rate-limited, closed with %d%n", what, sent,
                rateLimited, code);
        assertThat(rateLimited).as("refusals before the close").isPositive();
        assertThat(code).isEqualTo(CloseCodes.POLICY_VIOLATION);
    }
}
