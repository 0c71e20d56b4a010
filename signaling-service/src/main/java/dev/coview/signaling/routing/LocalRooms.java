package dev.coview.signaling.routing;

import dev.coview.contracts.signal.Peer;
import dev.coview.contracts.signal.PeerLeft;
import dev.coview.contracts.signal.PeerShare;
import dev.coview.contracts.signal.Relayed;
import dev.coview.contracts.signal.ServerSignal;
import dev.coview.contracts.signal.Welcome;
import dev.coview.contracts.ws.CloseCodes;
import dev.coview.support.auth.ParticipantRemovals;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process routing table: room → participant → the socket of this instance. Both routers build on it; it
 * knows nothing of other instances. Thread-safe: sockets of one room live on different event loops.
 */
@ApplicationScoped
public class LocalRooms implements ParticipantRemovals.Listener {

    private final Map<String, Map<String, Member>> rooms = new ConcurrentHashMap<>();
    private final JoinAnnouncements announcements = new JoinAnnouncements();

    /**
     * Adds a member. Returns the member it replaces (the same participant's older socket on this instance), which
     * the caller closes.
     */
    public Optional<Member> attach(Member member) {
        announcements.open(member);
        Member[] previous = new Member[1];
        rooms.compute(member.roomId(), (room, members) -> {
            Map<String, Member> m = members == null ? new ConcurrentHashMap<>() : members;
            previous[0] = m.put(member.id(), member);
            return m;
        });
        Member old = previous[0];
        return old == null || old.connectionId().equals(member.connectionId()) ? Optional.empty() : Optional.of(old);
    }

    /**
     * Removes a member if this very socket is still the participant's current one. Returns {@code false} when a
     * newer socket replaced it (or it was never attached).
     */
    public boolean detach(Member member) {
        announcements.close(member);
        boolean[] removed = new boolean[1];
        rooms.computeIfPresent(member.roomId(), (room, members) -> {
            removed[0] = members.remove(member.id(), current(members, member));
            return members.isEmpty() ? null : members;
        });
        return removed[0];
    }

    private static Member current(Map<String, Member> members, Member member) {
        Member m = members.get(member.id());
        return m != null && m.connectionId().equals(member.connectionId()) ? m : null;
    }

    /** The member's current socket on this instance, if any. */
    public Optional<Member> find(String roomId, String participantId) {
        Map<String, Member> members = rooms.get(roomId);
        return Optional.ofNullable(members == null ? null : members.get(participantId));
    }

    /**
     * Sends a relayed message, stamped with {@code from}, to one participant of the room if its socket is on this
     * instance; returns whether it was. Nothing is stamped (allocated) for an addressee that is not here.
     */
    public boolean deliver(String roomId, String participantId, Relayed message, String from) {
        Member m = member(roomId, participantId);
        if (m != null) {
            m.socket().send(message.withFrom(from));
        }
        return m != null;
    }

    private Member member(String roomId, String participantId) {
        Map<String, Member> members = rooms.get(roomId);
        return members == null ? null : members.get(participantId);
    }

    /** Like {@link #deliver}, for a message already serialized (forwarded from another instance as it came). */
    public boolean deliverJson(String roomId, String participantId, String json) {
        Member m = member(roomId, participantId);
        if (m != null) {
            m.socket().sendJson(json);
        }
        return m != null;
    }

    /**
     * Sends a member its welcome, then the peer-joined held back until it (see {@link JoinAnnouncements}).
     *
     * @param connections participant id → socket connection id of every peer the welcome lists
     */
    public void welcome(Member member, Welcome welcome, Map<String, String> connections) {
        welcome(member, welcome, connections, List.of());
    }

    /**
     * Like {@link #welcome(Member, Welcome, Map)}, with what the welcome's peers are as it was read
     * ({@code peer-away}, {@code peer-share}) sent right after it, before any news that arrived meanwhile.
     */
    public void welcome(Member member, Welcome welcome, Map<String, String> connections,
                        List<ServerSignal> followUps) {
        announcements.welcome(member, welcome, connections, followUps);
    }

    /** Tells every other member of the room that {@code peer} joined through socket {@code connection}, once. */
    public void announceJoined(String roomId, Peer peer, String connection, boolean resumed) {
        for (Member m : members(roomId)) {
            if (!m.id().equals(peer.id())) {
                announcements.joined(m, peer, connection, resumed);
            }
        }
    }

    /** Tells every other member of the room that a participant's socket {@code connection} dropped (it is away). */
    public void announceAway(String roomId, String participantId, String connection) {
        for (Member m : members(roomId)) {
            if (!m.id().equals(participantId)) {
                announcements.away(m, participantId, connection);
            }
        }
    }

    /** Tells every other member of the room where a participant is in sharing (its share phase changed). */
    public void announceShare(String roomId, PeerShare share) {
        for (Member m : members(roomId)) {
            if (!m.id().equals(share.id())) {
                announcements.share(m, share);
            }
        }
    }

    /** Tells every other member of the room that a participant left for good. */
    public void announceLeft(String roomId, PeerLeft left) {
        for (Member m : members(roomId)) {
            if (!m.id().equals(left.id())) {
                announcements.left(m, left.id());
                m.socket().send(left);
            }
        }
    }

    /** A snapshot of the room's members on this instance. */
    public List<Member> members(String roomId) {
        Map<String, Member> members = rooms.get(roomId);
        return members == null ? List.of() : List.copyOf(members.values());
    }

    /** Whether the room has a member on this instance. */
    public boolean has(String roomId) {
        return rooms.containsKey(roomId);
    }

    /** How many rooms have a member on this instance (the active-rooms gauge; no copy). */
    public int roomCount() {
        return rooms.size();
    }

    /** Rooms with a member on this instance (a snapshot). */
    public Set<String> roomIds() {
        return Set.copyOf(rooms.keySet());
    }

    /** Closes every socket of the room on this instance; their close handlers detach them. */
    public void closeAll(String roomId, int code, String reason) {
        for (Member m : members(roomId)) {
            m.socket().close(code, reason);
        }
    }

    /** The room ended ({@code reason}: room.ended's, or null): every socket here closes with 4000 and says why. */
    public void endRoom(String roomId, String reason) {
        closeAll(roomId, CloseCodes.ROOM_ENDED, reason == null ? "room ended"
                : CloseCodes.ROOM_ENDED_REASON_PREFIX + reason);
    }

    /**
     * The agent removed the participant (room-service announced it on {@code participants-removed}): its socket here,
     * if any, closes with 4003 and the others get {@code peer-left}. Pub/sub is at-most-once: a missed announcement
     * leaves the socket open until it closes by itself, and its next upgrade is refused (the removal marker).
     */
    @Override
    public void removed(String roomId, String participantId) {
        find(roomId, participantId).ifPresent(m -> m.socket().close(CloseCodes.REMOVED, "removed from the room"));
    }
}
