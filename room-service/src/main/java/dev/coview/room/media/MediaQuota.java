package dev.coview.room.media;

import dev.coview.room.config.RoomConfig;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import dev.coview.room.rooms.RoomRecord;
import dev.coview.room.rooms.RoomServiceKeys;
import dev.coview.room.rooms.RoomStore;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Storage quotas for snapshots and recordings: bytes per room ({@code coview.room.storage.room-quota}) and per agent
 * ({@code …agent-quota}, the room's creator as the room-creation check named it), counted in Redis so that every
 * instance sees the same totals. A charge and its check are one script: two uploads racing for the last bytes cannot
 * both pass. Refused with 507 and words for the agent. Counters live as long as the media they count
 * ({@code coview.room.storage.retention} after the last upload); the retention sweep drops a room's counter with its
 * media. Blocking: call from worker threads.
 */
@ApplicationScoped
public class MediaQuota {

    /** KEYS room, agent counters; ARGV size, room quota, agent quota, TTL ms. Answers 1 when charged, else 0. */
    private static final String CHARGE = "local r = redis.call('INCRBY', KEYS[1], ARGV[1]) "
            + "local a = redis.call('INCRBY', KEYS[2], ARGV[1]) "
            + "if r > tonumber(ARGV[2]) or a > tonumber(ARGV[3]) then "
            + "redis.call('DECRBY', KEYS[1], ARGV[1]) redis.call('DECRBY', KEYS[2], ARGV[1]) return 0 end "
            + "redis.call('PEXPIRE', KEYS[1], ARGV[4]) redis.call('PEXPIRE', KEYS[2], ARGV[4]) return 1";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ReactiveRedisDataSource redis;
    private final RoomStore rooms;
    private final RoomConfig.Storage limits;

    public MediaQuota(ReactiveRedisDataSource redis, RoomStore rooms, RoomConfig config) {
        this.redis = redis;
        this.rooms = rooms;
        this.limits = config.storage();
    }

    /** Counts {@code bytes} more for the room and its agent; throws 507 (nothing counted) when either is full. */
    public void charge(String roomId, long bytes) {
        String agent = agentOf(roomId);
        Response charged = redis.execute("EVAL", CHARGE, "2", RoomServiceKeys.mediaBytesOfRoom(roomId),
                RoomServiceKeys.mediaBytesOfAgent(agent), Long.toString(bytes),
                Long.toString(limits.roomQuota().asLongValue()), Long.toString(limits.agentQuota().asLongValue()),
                Long.toString(limits.retention().toMillis())).await().atMost(WAIT);
        if (charged.toLong() == 0) {
            throw new ProblemException(ProblemType.STORAGE_FULL, "There is no storage left for this session's "
                    + "snapshots and recordings (at most " + human(limits.roomQuota()) + " per session and "
                    + human(limits.agentQuota()) + " per agent within " + limits.retention().toDays()
                    + " days). Stop the recording or save fewer snapshots; older media is deleted after "
                    + limits.retention().toDays() + " days.");
        }
    }

    /** Gives {@code bytes} back (an upload that was counted and then not kept). */
    public void refund(String roomId, long bytes) {
        String agent = agentOf(roomId);
        redis.execute("DECRBY", RoomServiceKeys.mediaBytesOfRoom(roomId), Long.toString(bytes)).await().atMost(WAIT);
        redis.execute("DECRBY", RoomServiceKeys.mediaBytesOfAgent(agent), Long.toString(bytes)).await().atMost(WAIT);
    }

    /** The room's media is gone (retention): its counter goes with it. */
    public void forget(String roomId) {
        redis.execute("DEL", RoomServiceKeys.mediaBytesOfRoom(roomId)).await().atMost(WAIT);
    }

    private String agentOf(String roomId) {
        RoomRecord room = rooms.find(roomId).await().atMost(WAIT);
        // A room whose record has expired still has an agent: its media counts for nobody in particular.
        return room == null || room.createdBy() == null ? "unknown" : room.createdBy();
    }

    private static String human(MemorySize size) {
        long bytes = size.asLongValue();
        return bytes >= 1L << 30 ? (bytes >> 30) + " GB" : (bytes >> 20) + " MB";
    }
}
