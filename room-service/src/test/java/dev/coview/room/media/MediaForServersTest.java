package dev.coview.room.media;

import static dev.coview.room.RoomApi.AGENT_KEY;
import static dev.coview.room.RoomApi.PROBLEM_JSON;
import static dev.coview.room.RoomApi.as;
import static dev.coview.room.media.MediaFixtures.ANNOTATIONS;
import static dev.coview.room.media.MediaFixtures.png;
import static dev.coview.room.media.MediaFixtures.snapshot;
import static dev.coview.room.media.MediaFixtures.utf8;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.room.access.MediaReadAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.awt.Color;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Media for servers and browser tabs, against the real Redis of deploy/local and room-service's media store: a
 * server's media key reads snapshots (also after the room ended) and nothing else; a signed link opens one file
 * without any token, and not another file, not once tampered with, not after it expired.
 */
@QuarkusTest
class MediaForServersTest {

    private static final String MEDIA_KEY = "test-media-key-of-at-least-32-characters";

    @Test
    void aMediaKeyReadsMediaOfEndedRoomsAndNothingElse() {
        MediaFixtures.Room room = MediaFixtures.Room.create();
        byte[] flattened = png(32, 24, Color.RED);
        String snapshotId = snapshot(room.agent(), png(32, 24, Color.BLUE), utf8(ANNOTATIONS), flattened)
                .post(room.path("/snapshots")).then().statusCode(201).extract().path("snapshotId");
        as(room.agent()).delete(room.path("")).then().statusCode(204);

        // The room's own tokens are refused once it ended; the server's key is not.
        as(room.agent()).get(room.path("/snapshots/" + snapshotId + "/flattened")).then().statusCode(410);
        byte[] read = given().header(MediaReadAccess.MEDIA_KEY_HEADER, MEDIA_KEY)
                .get(room.path("/snapshots/" + snapshotId + "/flattened"))
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(read).isEqualTo(flattened);

        given().header(MediaReadAccess.MEDIA_KEY_HEADER, "wrong-" + MEDIA_KEY)
                .get(room.path("/snapshots/" + snapshotId + "/flattened"))
                .then().statusCode(401).contentType(PROBLEM_JSON);
        // Nothing else: not the room, not creating rooms, not uploading.
        given().header(MediaReadAccess.MEDIA_KEY_HEADER, MEDIA_KEY).get(room.path(""))
                .then().statusCode(401).contentType(PROBLEM_JSON);
        given().header(MediaReadAccess.MEDIA_KEY_HEADER, MEDIA_KEY).header("X-CoView-Agent-Key", "")
                .contentType(ContentType.JSON).body(Map.of()).post("/api/rooms")
                .then().statusCode(401);
        given().header(MediaReadAccess.MEDIA_KEY_HEADER, MEDIA_KEY)
                .multiPart("original", "o.png", png(8, 8, Color.BLUE), "image/png")
                .post(room.path("/snapshots")).then().statusCode(401);
    }

    @Test
    void aSignedLinkOpensOneFileWithoutATokenUntilItExpires() {
        MediaFixtures.Room room = MediaFixtures.Room.create();
        byte[] original = png(32, 24, Color.BLUE);
        String snapshotId = snapshot(room.agent(), original, utf8(ANNOTATIONS), png(32, 24, Color.RED))
                .post(room.path("/snapshots")).then().statusCode(201).extract().path("snapshotId");

        // Any participant may ask for a link; it is absolute and short-lived.
        var link = as(room.customer()).contentType(ContentType.JSON)
                .body(Map.of("snapshotId", snapshotId, "part", "original"))
                .post(room.path("/media-links")).then().statusCode(201).extract().jsonPath();
        URI url = URI.create(link.getString("url"));
        Instant expiresAt = Instant.parse(link.getString("expiresAt"));
        assertThat(expiresAt).isBetween(Instant.now(), Instant.now().plusSeconds(6 * 60));
        String pathAndQuery = url.getRawPath() + "?" + url.getRawQuery();

        byte[] read = given().urlEncodingEnabled(false).get(pathAndQuery)
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(read).isEqualTo(original);

        // Another part with the same signature, a changed expiry, a changed signature: refused.
        given().urlEncodingEnabled(false).get(pathAndQuery.replace("/original?", "/flattened?"))
                .then().statusCode(403).contentType(PROBLEM_JSON);
        long expires = Long.parseLong(url.getRawQuery().replaceAll(".*expires=(\\d+).*", "$1"));
        given().urlEncodingEnabled(false).get(pathAndQuery.replace("expires=" + expires, "expires=" + (expires + 3600)))
                .then().statusCode(403);
        // One character of the signature changed (to another one: a signature may well begin with 'A' already).
        char first = pathAndQuery.charAt(pathAndQuery.indexOf("sig=") + 4);
        given().urlEncodingEnabled(false).get(pathAndQuery.replace("sig=" + first, "sig=" + (first == 'A' ? 'B' : 'A')))
                .then().statusCode(403);
        // An expired link (signed with the test secret for a time in the past) is refused with words saying so.
        var links = new dev.coview.contracts.media.MediaLinks(java.util.Base64.getDecoder()
                .decode("dGVzdCBtZWRpYSBsaW5rIHNlY3JldCBvZiAzMiBieXRlcyE="));
        String expired = links.sign(room.path("/snapshots/" + snapshotId + "/original"),
                Instant.now().getEpochSecond() - 1);
        given().urlEncodingEnabled(false).get(expired).then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("expired"));

        // No link for files that are not there; recordings need the record grant.
        as(room.customer()).contentType(ContentType.JSON).body(Map.of("snapshotId", "A".repeat(22), "part", "original"))
                .post(room.path("/media-links")).then().statusCode(404);
        as(room.observer()).contentType(ContentType.JSON).body(Map.of("recordingId", "A".repeat(22)))
                .post(room.path("/media-links")).then().statusCode(403);
        assertThat(AGENT_KEY).isNotBlank();
    }
}
