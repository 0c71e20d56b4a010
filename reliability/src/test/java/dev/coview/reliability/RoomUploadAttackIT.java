package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.reliability.testing.Http;
import dev.coview.reliability.testing.RawUpload;
import dev.coview.reliability.testing.ServiceMemory;
import dev.coview.reliability.testing.Stack;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Upload attacks on the packaged room-service (Redis + Kafka of the suite's stack): bodies of 40 MB (the old
 * {@code max-body-size}) sent by hand on raw sockets, anonymously and with a real agent token. Each must be answered
 * with problem+json before the body is read (the sender is still sending when the answer comes), leaving the media
 * directory and the multipart spool directory as they were and the heap without the bodies. Heap, RSS and disk are
 * printed before and after for docs/reliability.md.
 */
@Order(8)
class RoomUploadAttackIT {

    private static final long FORTY_MB = 40L << 20;
    private static final int ATTACKERS = 10;

    @Test
    void tenConcurrentAnonymous40MbUploadsAreRefusedBeforeTheirBodiesAreRead() throws Exception {
        Stack stack = Stack.get();
        Recording recording = Recording.started();
        Figures before = Figures.of(stack);

        List<RawUpload.Result> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(ATTACKERS);
        try {
            List<Future<RawUpload.Result>> sent = new ArrayList<>();
            for (int i = 0; i < ATTACKERS; i++) {
                int n = i;
                // Half declare their 40 MB, half send it chunked with no length at all.
                long length = n < ATTACKERS / 2 ? FORTY_MB : -FORTY_MB;
                sent.add(pool.submit(() -> n % 2 == 0
                        ? RawUpload.send(stack.rooms().port(), "PUT", recording.chunkPath(n),
                                Map.of("Content-Type", "video/webm"), length)
                        : RawUpload.send(stack.rooms().port(), "POST", recording.roomPath("/snapshots"),
                                Map.of("Content-Type", "multipart/form-data; boundary=attack"), length)));
            }
            for (Future<RawUpload.Result> f : sent) {
                results.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Figures after = Figures.of(stack);
        report("10 concurrent anonymous 40 MB uploads", before, after, results);

        assertThat(results).allSatisfy(r -> assertRefusedBeforeTheBody(r, 401));
        assertThat(after.disk()).as("media + spool bytes").isEqualTo(before.disk());
        assertHealthy(stack, recording.room());
    }

    @Test
    void aSmallRefusedUploadSentWithoutALengthIsReadSoItsClientGetsTheAnswerNotABrokenPipe() {
        Stack stack = Stack.get();
        JsonNode room = Http.createRoom();
        long small = 96 * 1024;
        // Chunked, as HTTP libraries send multipart: before the gate drained such bodies it answered and closed the
        // connection under a client still writing, which then saw "broken pipe" instead of the 401 (1 in 20 tries).
        RawUpload.Result r = RawUpload.send(stack.rooms().port(), "POST",
                "/api/rooms/" + room.get("roomId").asText() + "/snapshots",
                Map.of("Content-Type", "multipart/form-data; boundary=small"), -small);

        assertThat(r.status()).as(r.head()).isEqualTo(401);
        assertThat(r.problemJson()).as(r.head()).isTrue();
        assertThat(r.sentWhenAnswered()).as("the whole body was read before the answer").isEqualTo(small);
        assertThat(r.head().toLowerCase()).as("the connection stays usable").doesNotContain("connection: close");
    }

    /**
     * Slow loris: a refused upload whose client sends a few bytes of its body and then nothing. The gate drained it
     * (so that a real client gets the answer, above) for as long as the client kept the connection, up to the
     * 30-minute idle timeout, and forever when it sent a byte now and then; now it answers and closes once the drain
     * has taken {@code UploadGate.DRAIN_MILLIS} (5 s). Before: no answer within 20 s.
     */
    @Test
    void aRefusedUploadThatStopsSendingIsAnsweredAndClosedWithinTheDrainTime() {
        Stack stack = Stack.get();
        JsonNode room = Http.createRoom();
        RawUpload.Result r = RawUpload.stalled(stack.rooms().port(), "POST",
                "/api/rooms/" + room.get("roomId").asText() + "/snapshots",
                Map.of("Content-Type", "multipart/form-data; boundary=loris"), 100, 20_000);
        System.out.printf("stalled refused upload: status %d after %d ms%n", r.status(), r.millis());

        assertThat(r.status()).as("answered within 20 s").isEqualTo(401);
        assertThat(r.problemJson()).as(r.head()).isTrue();
        assertThat(r.head().toLowerCase()).as("the unread rest of the body: the connection closes")
                .contains("connection: close");
    }

    @Test
    void anAgentsOversizedChunkIsRefusedByItsLengthOrWhileItStreams() throws Exception {
        Stack stack = Stack.get();
        Recording recording = Recording.started();
        Map<String, String> agent = Map.of("Content-Type", "video/webm",
                "Authorization", "Bearer " + recording.room().get("token").asText());
        Figures before = Figures.of(stack);

        RawUpload.Result declared = RawUpload.send(stack.rooms().port(), "PUT", recording.chunkPath(0), agent,
                FORTY_MB);
        // Chunk 1: chunk 0's WebM header check would refuse these zero bytes (415) before the size does.
        RawUpload.Result streamed = RawUpload.send(stack.rooms().port(), "PUT", recording.chunkPath(1), agent,
                -FORTY_MB);
        Figures after = Figures.of(stack);
        report("agent token, 40 MB chunk (declared length, then chunked)", before, after,
                List.of(declared, streamed));

        assertThat(List.of(declared, streamed)).allSatisfy(r -> assertRefusedBeforeTheBody(r, 413));
        assertThat(after.disk()).as("media + spool bytes").isEqualTo(before.disk());
        assertHealthy(stack, recording.room());
    }

    /** A 40 MB upload answered with {@code status} in problem+json before all of its body was sent. */
    private static void assertRefusedBeforeTheBody(RawUpload.Result r, int status) {
        assertThat(r.status()).as(r.head()).isEqualTo(status);
        assertThat(r.problemJson()).as(r.head()).isTrue();
        assertThat(r.sentWhenAnswered()).as("body bytes sent before the answer").isLessThan(FORTY_MB);
    }

    /**
     * room-service's heap in use, RSS and its high-water mark (KiB), and the bytes under the media and spool
     * directories.
     */
    private record Figures(long heapKib, long rssKib, long peakRssKib, long disk) {
        static Figures of(Stack stack) {
            long pid = stack.rooms().process().pid();
            long[] rss = ServiceMemory.rssKib(pid);
            return new Figures(ServiceMemory.heapUsedKib(pid), rss[0], rss[1],
                    ServiceMemory.bytesUnder(stack.mediaDirectory()) + ServiceMemory.bytesUnder(stack.uploadDirectory()));
        }
    }

    private static void report(String attack, Figures before, Figures after, List<RawUpload.Result> results) {
        System.out.printf("%s: heap used %d → %d KiB, RSS %d → %d KiB (peak %d → %d), media+spool %d → %d bytes%n",
                attack, before.heapKib(), after.heapKib(), before.rssKib(), after.rssKib(), before.peakRssKib(),
                after.peakRssKib(), before.disk(), after.disk());
        for (RawUpload.Result r : results) {
            System.out.printf("  %d in %d ms; body bytes sent by then %d of %d (in all %d)%n", r.status(), r.millis(),
                    r.sentWhenAnswered(), FORTY_MB, r.sentInAll());
        }
    }

    /** A new room (as {@link Http#createRoom} answers it) and a recording its agent started, with consent. */
    private record Recording(JsonNode room, String recordingId) {
        static Recording started() {
            JsonNode room = Http.createRoom();
            HttpResponse<String> r = Http.send("POST", Stack.get().rooms().baseUrl() + "/api/rooms/"
                    + room.get("roomId").asText() + "/recordings", null, Http.agentWithConsent(room));
            assertThat(r.statusCode()).as("start recording: %s", r.body()).isEqualTo(201);
            return new Recording(room, Http.json(r).get("recordingId").asText());
        }

        /** {@code rest} under the room's path, e.g. {@code /snapshots}. */
        String roomPath(String rest) {
            return "/api/rooms/" + room.get("roomId").asText() + rest;
        }

        String chunkPath(int n) {
            return roomPath("/recordings/" + recordingId + "/chunks/" + n);
        }
    }

    private static void assertHealthy(Stack stack, JsonNode room) throws IOException {
        HttpResponse<String> list = Http.send("GET", stack.rooms().baseUrl() + "/api/rooms/"
                + room.get("roomId").asText() + "/recordings", null,
                Map.of("Authorization", "Bearer " + room.get("token").asText()));
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(Files.readString(stack.rooms().process().log())).doesNotContain("OutOfMemoryError");
    }
}
