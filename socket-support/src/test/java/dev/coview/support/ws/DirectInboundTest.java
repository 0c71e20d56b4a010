package dev.coview.support.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DirectInbound} on a real Vert.x WebSocket server and a raw client, which writes its frames and then a ping in
 * one TCP write: Vert.x answers a ping as it reads it, even on a paused socket, so the pong proves that the server has
 * read the frames before it, whether or not it has handed them over.
 */
class DirectInboundTest {

    private static final Uni<Void> DONE = Uni.createFrom().voidItem();

    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aMessageStillBeingHandledHoldsTheSocketsNextMessagesUntilItIsDone() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> slow = new CompletableFuture<>();
        CountDownLatch all = new CountDownLatch(3);
        int port = serve(text -> {
            handled.add(text);
            all.countDown();
            return text.equals("slow") ? Uni.createFrom().completionStage(slow) : DONE;
        }, e -> { });

        try (Socket client = connect(port)) {
            sendThenPing(client, "slow", "a", "b");
            // The pong proves the server has read every frame before the ping (a ping is answered as it is read).
            assertThat(handled).containsExactly("slow");
            slow.complete(null);
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(handled).containsExactly("slow", "a", "b");
    }

    @Test
    void messagesThatCameWhileTheSocketWasOpeningWaitUntilItHasOpened() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> opening = new CompletableFuture<>();
        CountDownLatch both = new CountDownLatch(2);
        int port = serve(text -> {
            handled.add(text);
            both.countDown();
            return DONE;
        }, e -> { }, opening);

        try (Socket client = connect(port)) {
            sendThenPing(client, "first", "second");
            assertThat(handled).isEmpty();
            opening.complete(null);
            assertThat(both.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(handled).containsExactly("first", "second");
    }

    @Test
    void aHandlerThatThrowsOrFailsIsReportedAndTheSocketGoesOn() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        CountDownLatch last = new CountDownLatch(1);
        int port = serve(text -> {
            handled.add(text);
            return switch (text) {
                case "throws" -> throw new IllegalStateException("thrown");
                case "fails" -> Uni.createFrom().failure(new IllegalStateException("failed"));
                default -> {
                    last.countDown();
                    yield DONE;
                }
            };
        }, e -> failures.add(e.getMessage()));

        try (Socket client = connect(port)) {
            client.getOutputStream().write(frames("throws", "fails", "last"));
            client.getOutputStream().flush();
            assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(handled).containsExactly("throws", "fails", "last");
        assertThat(failures).containsExactly("thrown", "failed");
    }

    private int serve(Function<String, Uni<Void>> handler, Consumer<Throwable> failed) throws Exception {
        return serve(handler, failed, CompletableFuture.completedFuture(null));
    }

    /** A server whose sockets go through {@link DirectInbound}, each opening when {@code opening} completes. */
    private int serve(Function<String, Uni<Void>> handler, Consumer<Throwable> failed,
                      CompletableFuture<Void> opening) throws Exception {
        server = vertx.createHttpServer().webSocketHandler(ws -> {
            DirectInbound.attach(ws, Vertx.currentContext(), DONE, handler, failed)
                    .after(Uni.createFrom().completionStage(opening))
                    .subscribe().with(ok -> { }, e -> { });
        });
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                .actualPort();
    }

    /** Writes the text frames and a ping in one TCP write, and waits for the pong. */
    private static void sendThenPing(Socket client, String... texts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(frames(texts));
        out.write(0x89); // ping, final
        out.write(0x80 | 1);
        out.writeBytes(new byte[4]);
        out.write('p');
        client.getOutputStream().write(out.toByteArray());
        client.getOutputStream().flush();
        InputStream in = client.getInputStream();
        int type = in.read();
        int length = in.read() & 0x7f;
        assertThat(type).as("the server's first frame is the pong").isEqualTo(0x8A);
        assertThat(in.readNBytes(length)).containsExactly('p');
    }

    /** A raw client: the handshake by hand, so that the test decides how frames are cut into TCP writes. */
    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake: " + head);
            }
            head.write(b);
        }
        assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
        return socket;
    }

    /** Masked text frames (a client must mask; a zero mask leaves the bytes as they are), back to back. */
    private static byte[] frames(String... texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String text : texts) {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            out.write(0x81);
            out.write(0x80 | payload.length);
            out.writeBytes(new byte[4]);
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }
}
