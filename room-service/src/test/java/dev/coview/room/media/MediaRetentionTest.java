package dev.coview.room.media;

import static dev.coview.room.RoomApi.as;
import static dev.coview.room.media.MediaFixtures.ANNOTATIONS;
import static dev.coview.room.media.MediaFixtures.png;
import static dev.coview.room.media.MediaFixtures.snapshot;
import static dev.coview.room.media.MediaFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The retention policy through the scheduled sweep of the running test instance (every second in the test profile;
 * retention 1 h). Instead of shortening the retention for every test of the JVM, this test ages one room's files
 * on disk past it and checks that the sweep deletes that room's media and leaves a fresh room's alone. Real Redis and
 * Kafka of deploy/local behind the uploads.
 */
@QuarkusTest
class MediaRetentionTest {

    @Test
    void mediaOlderThanTheRetentionIsDeletedAndNewerMediaIsKept() throws IOException {
        MediaFixtures.Room old = MediaFixtures.Room.create();
        MediaFixtures.Room fresh = MediaFixtures.Room.create();
        byte[] image = png(8, 8, Color.ORANGE);
        for (MediaFixtures.Room room : List.of(old, fresh)) {
            snapshot(room.agent(), image, utf8(ANNOTATIONS), image).post(room.path("/snapshots"))
                    .then().statusCode(201);
        }
        old.consent();
        String recordingId = as(old.agent()).post(old.path("/recordings")).then().statusCode(201)
                .extract().path("recordingId");
        as(old.agent()).contentType("video/webm").body(MediaFixtures.firstChunk(10))
                .put(old.path("/recordings/" + recordingId + "/chunks/0")).then().statusCode(201);

        Path base = Path.of(ConfigProvider.getConfig().getValue("coview.room.storage.directory", String.class));
        Path oldRoom = base.resolve(old.roomId());
        assertThat(oldRoom).isDirectory();
        FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        try (Stream<Path> files = Files.walk(oldRoom)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, longAgo);
            }
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(oldRoom).doesNotExist());
        as(old.agent()).get(old.path("/snapshots")).then().statusCode(200).body("size()", equalTo(0));
        as(old.agent()).get(old.path("/recordings")).then().statusCode(200).body("size()", equalTo(0));
        as(fresh.agent()).get(fresh.path("/snapshots")).then().statusCode(200).body("size()", equalTo(1));
        assertThat(base.resolve(fresh.roomId())).isDirectory();
    }
}
