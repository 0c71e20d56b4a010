package dev.coview.room.media;

import static dev.coview.room.RoomApi.PROBLEM_JSON;
import static dev.coview.room.RoomApi.as;
import static dev.coview.room.media.MediaFixtures.ANNOTATIONS;
import static dev.coview.room.media.MediaFixtures.png;
import static dev.coview.room.media.MediaFixtures.snapshot;
import static dev.coview.room.media.MediaFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.coview.room.SessionEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Snapshot upload, list and download against the running test instance (storage in target/media-test), with the
 * real Redis (token checks) and Kafka (snapshot.saved read back and validated against its contracts schema) of
 * deploy/local.
 */
@QuarkusTest
class SnapshotsTest {

    private static final String PROBLEMS = "https://coview.dev/problems/";

    @Test
    void anUploadedSnapshotIsListedAndDownloadedWithTheServersSha256() {
        MediaFixtures.Room room = MediaFixtures.Room.create();
        byte[] original = png(64, 48, Color.BLUE);
        byte[] flattened = png(64, 48, Color.RED);
        byte[] annotations = utf8(ANNOTATIONS);

        try (SessionEvents events = new SessionEvents()) {
            JsonPath saved = snapshot(room.agent(), original, annotations, flattened)
                    .post(room.path("/snapshots"))
                    .then().statusCode(201).contentType(ContentType.JSON)
                    .body("roomId", equalTo(room.roomId()))
                    .body("author.role", equalTo("agent"))
                    .extract().jsonPath();
            String snapshotId = saved.getString("snapshotId");
            assertThat(snapshotId).matches("[A-Za-z0-9_-]{22}");
            assertThat(saved.getString("sha256.original")).isEqualTo(Sha256.of(original));
            assertThat(saved.getString("sha256.flattened")).isEqualTo(Sha256.of(flattened));
            assertThat(saved.getString("sha256.annotations")).isEqualTo(Sha256.of(annotations));
            assertThat(saved.getLong("size.original")).isEqualTo(original.length);
            assertThat(saved.getString("createdAt")).isNotBlank();
            assertThat(saved.getString("urls.flattened"))
                    .isEqualTo(room.path("/snapshots/" + snapshotId + "/flattened"));

            // The customer whose client shows a freeze's still reads it by id, and checks the same sha256.
            as(room.customer()).get(room.path("/snapshots/" + snapshotId)).then().statusCode(200)
                    .body("sha256.flattened", equalTo(Sha256.of(flattened)))
                    .body("author.participantId", equalTo(saved.getString("author.participantId")));

            // Every participant of the room lists and downloads, the observer included (it sees the freeze too).
            for (String token : List.of(room.agent(), room.customer(), room.observer())) {
                as(token).get(room.path("/snapshots")).then().statusCode(200)
                        .body("snapshotId", equalTo(List.of(snapshotId)))
                        .body("[0].sha256.original", equalTo(Sha256.of(original)));
            }
            Map<String, byte[]> parts = Map.of("original", original, "flattened", flattened,
                    "annotations", annotations);
            for (var part : parts.entrySet()) {
                Response r = as(room.observer()).get(saved.getString("urls." + part.getKey()));
                r.then().statusCode(200)
                        .contentType(part.getKey().equals("annotations") ? "application/json" : "image/png")
                        .header("ETag", "\"" + Sha256.of(part.getValue()) + "\"");
                assertThat(r.asByteArray()).as(part.getKey()).isEqualTo(part.getValue());
            }
            // The ETag is the sha256: a client that has the part gets 304; a range of it, 206.
            as(room.customer()).header("If-None-Match", "\"" + Sha256.of(original) + "\"")
                    .get(saved.getString("urls.original")).then().statusCode(304);
            byte[] signature = as(room.customer()).header("Range", "bytes=0-7").get(saved.getString("urls.original"))
                    .then().statusCode(206).header("Content-Range", "bytes 0-7/" + original.length)
                    .extract().asByteArray();
            assertThat(signature).isEqualTo(Arrays.copyOf(original, 8));

            SessionEvents.Event event = events.awaitRoom(room.roomId(), 3).stream()
                    .filter(e -> e.type().equals("dev.coview.snapshot.saved")).findFirst().orElseThrow();
            event.assertMatchesSchema();
            JsonPath data = JsonPath.from(event.value());
            assertThat(data.getString("snapshotId")).isEqualTo(snapshotId);
            assertThat(data.getString("roomId")).isEqualTo(room.roomId());
            assertThat(event.headers().get("ce_source")).isEqualTo("/rooms/" + room.roomId());
        }
    }

    @Test
    void anOversizedPartIsRefusedWith413() {
        MediaFixtures.Room room = MediaFixtures.Room.create();
        byte[] small = png(8, 8, Color.GREEN);
        byte[] big = Arrays.copyOf(small, 300 * 1024); // a PNG signature, then far more than the 256 KiB of the test
        snapshot(room.agent(), big, utf8(ANNOTATIONS), small).post(room.path("/snapshots"))
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "too-large"))
                .body("detail", containsString("'original'"));
        byte[] bigJson = utf8("[" + "0,".repeat(40_000) + "0]");
        snapshot(room.agent(), small, bigJson, small).post(room.path("/snapshots"))
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("detail", containsString("'annotations'"));
        as(room.agent()).get(room.path("/snapshots")).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void wrongTypesAndContentAreRefused() {
        MediaFixtures.Room room = MediaFixtures.Room.create();
        byte[] png = png(8, 8, Color.GREEN);
        byte[] json = utf8(ANNOTATIONS);
        byte[] gif = utf8("GIF89a not a png at all");

        // Declared as something else.
        as(room.agent()).multiPart("original", "original.gif", png, "image/gif")
                .multiPart("annotations", "a.json", json, "application/json")
                .multiPart("flattened", "f.png", png, "image/png")
                .post(room.path("/snapshots"))
                .then().statusCode(415).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "unsupported-media"));
        // Declared as PNG, but the bytes are not: the server looks at the signature.
        snapshot(room.agent(), png, json, gif).post(room.path("/snapshots"))
                .then().statusCode(415).contentType(PROBLEM_JSON)
                .body("detail", containsString("'flattened' is not a PNG"));
        // Annotations that are not JSON.
        snapshot(room.agent(), png, utf8("{\"strokes\": [1, 2"), png).post(room.path("/snapshots"))
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "malformed-json"));
        // A part missing.
        as(room.agent()).multiPart("original", "o.png", png, "image/png")
                .multiPart("annotations", "a.json", json, "application/json")
                .post(room.path("/snapshots"))
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", equalTo(List.of("flattened")));
        // Not multipart at all.
        as(room.agent()).contentType(ContentType.JSON).body("{\"original\":\"x\"}").post(room.path("/snapshots"))
                .then().statusCode(415).contentType(PROBLEM_JSON);

        as(room.agent()).get(room.path("/snapshots")).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void anotherRoomsTokenCannotReadOrWriteItsSnapshots() {
        MediaFixtures.Room a = MediaFixtures.Room.create();
        MediaFixtures.Room b = MediaFixtures.Room.create();
        byte[] png = png(8, 8, Color.GREEN);
        String url = snapshot(b.agent(), png, utf8(ANNOTATIONS), png).post(b.path("/snapshots"))
                .then().statusCode(201).extract().path("urls.original");

        snapshot(a.agent(), png, utf8(ANNOTATIONS), png).post(b.path("/snapshots"))
                .then().statusCode(403).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "wrong-room"));
        as(a.agent()).get(b.path("/snapshots")).then().statusCode(403).contentType(PROBLEM_JSON);
        as(a.customer()).get(url).then().statusCode(403).contentType(PROBLEM_JSON);
        io.restassured.RestAssured.given().get(url).then().statusCode(401).contentType(PROBLEM_JSON);
        // Room B still has its one snapshot, and room A has none.
        as(b.customer()).get(b.path("/snapshots")).then().statusCode(200).body("size()", equalTo(1));
        as(a.agent()).get(a.path("/snapshots")).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void onlyTheFreezeGrantMaySaveSnapshots() {
        MediaFixtures.Room room = MediaFixtures.Room.create();
        byte[] png = png(8, 8, Color.GREEN);
        for (String token : List.of(room.observer(), room.customer())) {
            snapshot(token, png, utf8(ANNOTATIONS), png).post(room.path("/snapshots"))
                    .then().statusCode(403).contentType(PROBLEM_JSON)
                    .body("type", equalTo(PROBLEMS + "forbidden"))
                    .body("detail", containsString("'freeze'"));
        }
        as(room.agent()).get(room.path("/snapshots/" + room.roomId() + "/original")).then()
                .statusCode(404).contentType(PROBLEM_JSON);
        as(room.agent()).get(room.path("/snapshots/" + room.roomId() + "/thumbnail")).then()
                .statusCode(404).contentType(PROBLEM_JSON);
        // No path is built from what a request says: a snapshot id that is not an id is refused before any lookup.
        as(room.agent()).urlEncodingEnabled(false).get(room.path("/snapshots/..%2F..%2F..%2Fetc/original")).then()
                .statusCode(anyOf(equalTo(400), equalTo(404))).contentType(PROBLEM_JSON);
    }
}
