package dev.coview.room.media;

import static dev.coview.room.RoomApi.as;
import static dev.coview.room.media.MediaFixtures.chunk;
import static dev.coview.room.media.MediaFixtures.firstChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.coview.room.SessionEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Abandoned recordings through the scheduled sweep of the running test instance (every second in the test profile;
 * abandoned after 30 min, retention 1 h): a recording whose agent never completed it is completed with its chunks
 * from 0 up to the first gap (recording.ready reaches the integrations, read back from the real Kafka of
 * deploy/local), and one without chunk 0 is removed. The test ages the recordings' files by 45 min on disk.
 */
@QuarkusTest
class AbandonedRecordingsTest {

    private static final String WEBM = "video/webm";

    @Test
    void anAbandonedRecordingIsCompletedWithWhatItHasOrRemovedWhenItHasNothingUsable() throws IOException {
        MediaFixtures.Room room = MediaFixtures.Room.create();
        try (SessionEvents events = new SessionEvents()) {
            String usable = start(room);
            byte[] first = firstChunk(100);
            put(room, usable, 0, first);
            put(room, usable, 1, chunk(1, 100));
            put(room, usable, 3, chunk(3, 100)); // after a gap: dropped
            String unusable = start(room);
            put(room, unusable, 2, chunk(2, 100));

            age(room.roomId(), Duration.ofMinutes(45));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    as(room.agent()).get(room.path("/recordings")).then().statusCode(200)
                            .body("size()", equalTo(1))
                            .body("[0].recordingId", equalTo(usable))
                            .body("[0].state", equalTo("ready"))
                            .body("[0].chunks", equalTo(2))
                            .body("[0].size", equalTo(first.length + 100)));
            // room.created, participant.joined (customer, observer), recording.started x2, .stopped, .ready
            assertThat(events.awaitRoom(room.roomId(), 7)).extracting(SessionEvents.Event::type)
                    .endsWith("dev.coview.recording.stopped", "dev.coview.recording.ready");
        }
    }

    private static void age(String roomId, Duration by) throws IOException {
        Path room = Path.of(ConfigProvider.getConfig().getValue("coview.room.storage.directory", String.class))
                .resolve(roomId);
        FileTime then = FileTime.from(Instant.now().minus(by));
        try (Stream<Path> files = Files.walk(room)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, then);
            }
        }
    }

    private static String start(MediaFixtures.Room room) {
        room.consent();
        return as(room.agent()).post(room.path("/recordings")).then().statusCode(201).extract().path("recordingId");
    }

    private static void put(MediaFixtures.Room room, String recordingId, int n, byte[] body) {
        as(room.agent()).contentType(WEBM).body(body).put(room.path("/recordings/" + recordingId + "/chunks/" + n))
                .then().statusCode(201);
    }
}
