package dev.coview.room.media;

import static dev.coview.room.RoomApi.PROBLEM_JSON;
import static dev.coview.room.RoomApi.as;
import static dev.coview.room.media.MediaFixtures.EBML_HEADER;
import static dev.coview.room.media.MediaFixtures.chunk;
import static dev.coview.room.media.MediaFixtures.firstChunk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.coview.local.testing.PrometheusText;
import dev.coview.room.SessionEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recordings: chunk uploads (idempotent per number), completion (missing chunks named, bytes concatenated in
 * order), Range downloads, the record grant, and recording.started/stopped/ready read back from the real Kafka of
 * deploy/local and validated against their contracts schemas. Storage in target/media-test.
 */
@QuarkusTest
class RecordingsTest {

    private static final String PROBLEMS = "https://coview.dev/problems/";
    private static final String WEBM = "video/webm";

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void aRecordingCountsAsInProgressUntilItCompletes() {
        MediaFixtures.Room room = MediaFixtures.Room.create();
        double before = inProgress();
        String recordingId = start(room);
        assertThat(inProgress()).as("after the start").isEqualTo(before + 1);
        put(room, recordingId, 0, firstChunk(100)).then().statusCode(201);
        assertThat(inProgress()).as("after a chunk").isEqualTo(before + 1);
        complete(room, recordingId, 1).then().statusCode(200);
        assertThat(inProgress()).as("after completing").isEqualTo(before);
    }

    private double inProgress() {
        String text = given().get(metrics.toString()).then().statusCode(200).extract().asString();
        return PrometheusText.value(text, "coview_recordings_in_progress").orElseThrow();
    }

    @Test
    void chunksAreIdempotentAndCompletingAssemblesThemInOrder() {
        MediaFixtures.Room room = MediaFixtures.Room.create();
        try (SessionEvents events = new SessionEvents()) {
            String recordingId = start(room);
            byte[] c0 = firstChunk(500);
            byte[] c1 = chunk(1, 700);
            byte[] c2 = chunk(2, 300);

            put(room, recordingId, 0, c0).then().statusCode(201)
                    .body("n", equalTo(0)).body("sha256", equalTo(Sha256.of(c0)));
            put(room, recordingId, 0, c0).then().statusCode(200); // a retry of the same chunk
            put(room, recordingId, 0, firstChunk(501)).then().statusCode(409).contentType(PROBLEM_JSON)
                    .body("type", equalTo(PROBLEMS + "chunk-conflict"));
            put(room, recordingId, 2, c2).then().statusCode(201); // out of order is fine
            put(room, recordingId, 1, c1).then().statusCode(201);

            JsonPath ready = complete(room, recordingId, 3).then().statusCode(200)
                    .body("state", equalTo("ready")).body("chunks", equalTo(3))
                    .extract().jsonPath();
            byte[] expected = concat(c0, c1, c2);
            assertThat(ready.getLong("size")).isEqualTo(expected.length);
            assertThat(ready.getString("sha256")).isEqualTo(Sha256.of(expected));

            Response file = as(room.agent()).get(room.path("/recordings/" + recordingId));
            file.then().statusCode(200).contentType(WEBM).header("Accept-Ranges", "bytes")
                    .header("ETag", "\"" + Sha256.of(expected) + "\"");
            byte[] bytes = file.asByteArray();
            assertThat(Arrays.copyOf(bytes, 4)).isEqualTo(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3});
            assertThat(bytes).isEqualTo(expected);

            // A retried complete answers the same; a late chunk is refused.
            complete(room, recordingId, 3).then().statusCode(200).body("sha256", equalTo(Sha256.of(expected)));
            put(room, recordingId, 3, chunk(3, 10)).then().statusCode(409)
                    .body("type", equalTo(PROBLEMS + "recording-completed"));
            as(room.agent()).get(room.path("/recordings")).then().statusCode(200)
                    .body("recordingId", equalTo(List.of(recordingId)))
                    .body("[0].state", equalTo("ready"));

            List<SessionEvents.Event> recording = events.awaitRoom(room.roomId(), 6).stream()
                    .filter(e -> e.type().startsWith("dev.coview.recording."))
                    .map(SessionEvents.Event::assertMatchesSchema).toList();
            assertThat(recording).extracting(SessionEvents.Event::type).containsExactly(
                    "dev.coview.recording.started", "dev.coview.recording.stopped", "dev.coview.recording.ready");
            JsonPath readyEvent = JsonPath.from(recording.get(2).value());
            assertThat(readyEvent.getString("recordingId")).isEqualTo(recordingId);
            assertThat(readyEvent.getLong("size")).isEqualTo(expected.length);
            assertThat(readyEvent.getString("sha256")).isEqualTo(Sha256.of(expected));
            assertThat(JsonPath.from(recording.get(1).value()).getInt("chunks")).isEqualTo(3);
        }
    }

    @Test
    void completingWithMissingChunksIs409NamingThem() {
        MediaFixtures.Room room = MediaFixtures.Room.create();
        String recordingId = start(room);
        put(room, recordingId, 0, firstChunk(10)).then().statusCode(201);
        put(room, recordingId, 3, chunk(3, 10)).then().statusCode(201);

        complete(room, recordingId, 5).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "missing-chunks"))
                .body("detail", containsString("[1, 2, 4]"))
                .body("errors.field", equalTo(List.of("chunks[1]", "chunks[2]", "chunks[4]")));
        // Still recording: the client may upload what is missing and complete again.
        put(room, recordingId, 1, chunk(1, 10)).then().statusCode(201);
        put(room, recordingId, 2, chunk(2, 10)).then().statusCode(201);
        complete(room, recordingId, 3).then().statusCode(409).body("detail", containsString("[3]"));
        complete(room, recordingId, 4).then().statusCode(200).body("size", equalTo(EBML_HEADER.length + 40));
        complete(room, recordingId, 0).then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void downloadsHonourRanges() {
        MediaFixtures.Room room = MediaFixtures.Room.create();
        String recordingId = start(room);
        byte[] c0 = firstChunk(964); // 1000 bytes with the header
        byte[] c1 = chunk(7, 1000);
        put(room, recordingId, 0, c0).then().statusCode(201);
        put(room, recordingId, 1, c1).then().statusCode(201);
        complete(room, recordingId, 2).then().statusCode(200).body("size", equalTo(2000));
        byte[] all = concat(c0, c1);
        String url = room.path("/recordings/" + recordingId);

        Map<String, int[]> ranges = Map.of(
                "bytes=0-3", new int[] {0, 3},          // the first bytes
                "bytes=990-1009", new int[] {990, 1009}, // across the chunk boundary
                "bytes=-50", new int[] {1950, 1999},    // suffix
                "bytes=1500-", new int[] {1500, 1999},  // open end
                "bytes=1990-5000", new int[] {1990, 1999}); // end clipped to the file
        for (var r : ranges.entrySet()) {
            int first = r.getValue()[0];
            int last = r.getValue()[1];
            byte[] part = as(room.agent()).header("Range", r.getKey()).get(url).then()
                    .statusCode(206).contentType(WEBM)
                    .header("Content-Range", "bytes " + first + "-" + last + "/2000")
                    .header("Content-Length", String.valueOf(last - first + 1))
                    .extract().asByteArray();
            assertThat(part).as(r.getKey()).isEqualTo(Arrays.copyOfRange(all, first, last + 1));
        }
        as(room.agent()).header("Range", "bytes=2000-").get(url).then()
                .statusCode(416).contentType(PROBLEM_JSON)
                .header("Content-Range", "bytes */2000")
                .body("type", equalTo(PROBLEMS + "range-not-satisfiable"));
        as(room.agent()).header("Range", "bytes=-0").get(url).then().statusCode(416);
        // Not a single bytes range: ignored, the whole file.
        assertThat(as(room.agent()).header("Range", "bytes=0-1,5-6").get(url).then().statusCode(200)
                .extract().asByteArray()).isEqualTo(all);
        // If-Range with another ETag: the file changed for this client, so it gets all of it.
        as(room.agent()).header("Range", "bytes=0-3").header("If-Range", "\"other\"").get(url).then()
                .statusCode(200).header("Content-Length", "2000");
    }

    @Test
    void chunksAreCheckedForSizeTypeAndNumber() {
        MediaFixtures.Room room = MediaFixtures.Room.create();
        String recordingId = start(room);
        put(room, recordingId, 0, chunk(0, 100)).then().statusCode(415).contentType(PROBLEM_JSON)
                .body("detail", containsString("EBML"));
        put(room, recordingId, 1, chunk(1, 300 * 1024)).then().statusCode(413).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "too-large"));
        as(room.agent()).contentType("application/octet-stream").body(chunk(1, 10))
                .put(room.path("/recordings/" + recordingId + "/chunks/1")).then()
                .statusCode(415).contentType(PROBLEM_JSON);
        put(room, recordingId, -1, chunk(1, 10)).then().statusCode(400).contentType(PROBLEM_JSON);
        put(room, "AAAAAAAAAAAAAAAAAAAAAA", 0, firstChunk(10)).then().statusCode(404).contentType(PROBLEM_JSON);
        as(room.agent()).get(room.path("/recordings/" + recordingId)).then().statusCode(404)
                .contentType(PROBLEM_JSON); // not complete yet
    }

    @Test
    void onlyTheRecordGrantOfTheRoomMayUseRecordings() {
        MediaFixtures.Room room = MediaFixtures.Room.create();
        MediaFixtures.Room other = MediaFixtures.Room.create();
        String recordingId = start(room);
        put(room, recordingId, 0, firstChunk(10)).then().statusCode(201);
        complete(room, recordingId, 1).then().statusCode(200);

        for (String token : List.of(room.customer(), room.observer())) {
            as(token).post(room.path("/recordings")).then().statusCode(403).contentType(PROBLEM_JSON)
                    .body("type", equalTo(PROBLEMS + "forbidden"));
            as(token).get(room.path("/recordings")).then().statusCode(403);
            as(token).get(room.path("/recordings/" + recordingId)).then().statusCode(403);
        }
        as(other.agent()).get(room.path("/recordings/" + recordingId)).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "wrong-room"));
        as(other.agent()).contentType(WEBM).body(firstChunk(10))
                .put(room.path("/recordings/" + recordingId + "/chunks/1")).then().statusCode(403);
        // The other room's agent does not see it in its own room either.
        as(other.agent()).get(other.path("/recordings/" + recordingId)).then().statusCode(404);
    }

    @Test
    void aRecordingStartsOnlyWithTheCustomersConsentAndEachConsentAllowsOne() {
        MediaFixtures.Room room = MediaFixtures.Room.create();
        as(room.agent()).post(room.path("/recordings")).then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "consent-required"))
                .body("detail", containsString("has not agreed to be recorded"));
        start(room);
        // The consent was spent by that recording: another needs another question.
        as(room.agent()).post(room.path("/recordings")).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "consent-required"));
    }

    @Test
    void aRoomsQuotaRefusesTheChunkThatWouldExceedIt() {
        MediaFixtures.Room room = MediaFixtures.Room.create();
        String recordingId = start(room);
        // Test profile: 1 MiB per room, chunks of at most 256 KiB.
        put(room, recordingId, 0, firstChunk(250 * 1024)).then().statusCode(201);
        put(room, recordingId, 1, chunk(1, 250 * 1024)).then().statusCode(201);
        put(room, recordingId, 2, chunk(2, 250 * 1024)).then().statusCode(201);
        put(room, recordingId, 3, chunk(3, 250 * 1024)).then().statusCode(201);
        put(room, recordingId, 4, chunk(4, 250 * 1024)).then().statusCode(507).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "storage-full"))
                .body("detail", containsString("no storage left for this session"));
        // Nothing of the refused chunk was kept; what fit can still be completed.
        complete(room, recordingId, 5).then().statusCode(409).body("type", equalTo(PROBLEMS + "missing-chunks"));
        complete(room, recordingId, 4).then().statusCode(200);
    }

    private static String start(MediaFixtures.Room room) {
        room.consent();
        return as(room.agent()).post(room.path("/recordings")).then().statusCode(201)
                .body("state", equalTo("recording"))
                .extract().path("recordingId");
    }

    private static Response put(MediaFixtures.Room room, String recordingId, int n, byte[] body) {
        return as(room.agent()).contentType(WEBM).body(body)
                .put(room.path("/recordings/" + recordingId + "/chunks/" + n));
    }

    private static Response complete(MediaFixtures.Room room, String recordingId, int chunks) {
        return as(room.agent()).contentType(ContentType.JSON).body(Map.of("chunks", chunks))
                .post(room.path("/recordings/" + recordingId + "/complete"));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
