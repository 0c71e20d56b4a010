package dev.coview.room.api;

import dev.coview.contracts.auth.Grant;
import dev.coview.room.access.RoomAccess;
import dev.coview.room.rooms.RoomService;
import dev.coview.support.auth.Participant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The room token check of the media endpoints, which run on worker threads ({@code @Blocking}: they read and write
 * files) and so wait for it, for at most {@link #ACCESS_WAIT}. Storing media is activity: the room's idle expiry
 * moves on ({@link #requireWriting}).
 */
@ApplicationScoped
class MediaCallAccess {

    /** How long a media call waits for a check that asks Redis (has the room ended? the participant been removed?). */
    static final Duration ACCESS_WAIT = Duration.ofSeconds(10);

    private final RoomAccess access;
    private final RoomService rooms;

    MediaCallAccess(RoomAccess access, RoomService rooms) {
        this.access = access;
        this.rooms = rooms;
    }

    /** The participant behind {@code authorization}, if it may read {@code roomId}'s media with {@code grant}. */
    Participant require(String authorization, String roomId, Grant grant) {
        return access.require(authorization, roomId, grant).await().atMost(ACCESS_WAIT);
    }

    /** Like {@link #require}, and counts as activity: a room whose media is being stored does not expire as idle. */
    Participant requireWriting(String authorization, String roomId, Grant grant) {
        return access.require(authorization, roomId, grant)
                .call(p -> rooms.touch(p.roomId())).await().atMost(ACCESS_WAIT);
    }
}
