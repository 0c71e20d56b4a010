package dev.coview.room.rooms;

import dev.coview.contracts.rooms.ActiveRoom;
import dev.coview.contracts.rooms.ParticipantToken;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An agent's way back to their live sessions after the console reloads: the open rooms their identity created, and
 * a fresh agent token (same participant id) for one of them. The identity is what
 * {@link dev.coview.room.access.AgentCheck} answered when the room was created and answers now; a room created
 * under another identity is refused (403).
 */
@ApplicationScoped
public class AgentSessions {

    private final AgentRooms index;
    private final RoomStore store;
    private final RoomService rooms;
    private final RejoinService rejoins;

    public AgentSessions(AgentRooms index, RoomStore store, RoomService rooms, RejoinService rejoins) {
        this.index = index;
        this.store = store;
        this.rooms = rooms;
        this.rejoins = rejoins;
    }

    /** The open rooms {@code creator} created, newest first; rooms found ended or gone leave the index. */
    public Uni<List<ActiveRoom>> active(String creator) {
        Instant now = Instant.now();
        return index.newest(creator).chain(ids -> Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> store.find(id).chain(room -> {
                    if (room == null || room.ended() || !room.expiresAt().isAfter(now)) {
                        return index.remove(creator, id).replaceWith((ActiveRoom) null);
                    }
                    boolean taken = room.taken();
                    return Uni.createFrom().item(new ActiveRoom(room.id(), room.agentId(), room.createdAt(),
                            room.expiresAt(), taken, taken ? null : room.joinCode(),
                            taken ? null : rooms.inviteUrl(room.invite())));
                }))
                .filter(Objects::nonNull)
                .collect().asList());
    }

    /** A new token for the agent of {@code roomId}, if {@code creator} created it and it is open. */
    public Uni<ParticipantToken> agentToken(String creator, String roomId) {
        return rooms.openRoom(roomId).chain(room -> {
            if (!creator.equals(room.createdBy())) {
                return Uni.createFrom().failure(new ProblemException(ProblemType.NOT_YOUR_ROOM,
                        "room " + roomId + " was created by another agent"));
            }
            return store.participant(roomId, room.agentId()).chain(agent -> rooms.touch(roomId)
                    .chain(() -> rejoins.tokenFor(roomId, agent, creator)));
        });
    }
}
