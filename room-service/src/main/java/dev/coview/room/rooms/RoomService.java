package dev.coview.room.rooms;

import dev.coview.contracts.auth.AgentIdentity;
import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import dev.coview.contracts.events.ParticipantJoined;
import dev.coview.contracts.events.RoomCreated;
import dev.coview.contracts.events.RoomEnded;
import dev.coview.contracts.events.RoomExpired;
import dev.coview.contracts.rooms.CreatedRoom;
import dev.coview.contracts.rooms.ParticipantView;
import dev.coview.contracts.rooms.RoomState;
import dev.coview.contracts.rooms.RoomView;
import dev.coview.room.config.RoomConfig;
import dev.coview.room.config.UrlsConfig;
import dev.coview.room.events.RoomEvents;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import dev.coview.room.tokens.IssuedToken;
import dev.coview.room.tokens.TokenIssuer;
import dev.coview.support.auth.Participant;
import dev.coview.support.auth.RoomRevocations;
import dev.coview.support.events.RoomLabelLookup;
import dev.coview.support.events.RoomLabels;
import dev.coview.support.logging.RoomLogContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A room's life: creation by an agent, what its participants see, activity that keeps it alive, and its end, by
 * the agent ({@code room.ended}, reason {@code agent}) or by expiry ({@code room.expired}, and {@code room.ended} with
 * reason {@code expired}): idle with nobody connected, or at the end of its lifetime (in use or not). Ending writes
 * the {@code room-ended}
 * marker through {@link RoomRevocations}, after which every service refuses the room's tokens.
 * Joining is {@link JoinService}'s.
 */
@ApplicationScoped
public class RoomService {

    private final RoomStore store;
    private final JoinCredentials credentials;
    private final TokenIssuer tokens;
    private final RoomEvents events;
    private final RoomRevocations revocations;
    private final AgentRooms agentRooms;
    private final RoomConfig config;
    private final UrlsConfig urls;
    private final RoomLabelLookup labelLookup;

    public RoomService(RoomStore store, JoinCredentials credentials, TokenIssuer tokens, RoomEvents events,
                       RoomRevocations revocations, AgentRooms agentRooms, RoomConfig config, UrlsConfig urls,
                       RoomLabelLookup labelLookup) {
        this.labelLookup = labelLookup;
        this.store = store;
        this.credentials = credentials;
        this.tokens = tokens;
        this.events = events;
        this.revocations = revocations;
        this.agentRooms = agentRooms;
        this.config = config;
        this.urls = urls;
    }

    /**
     * Opens a room for {@code creator}; returns the agent's token and the join code. The agent's display name is
     * {@code agentName}, else the name the identity provider gave. The {@code labels} are stored for every service's
     * event publisher before the first event goes out.
     */
    public Uni<CreatedRoom> create(AgentIdentity creator, String agentName, RoomLabels labels) {
        String createdBy = creator.creator();
        String roomId = Ids.newId();
        String agentId = Ids.newId();
        String name = agentName != null && !agentName.isBlank() ? agentName.strip()
                : creator.name() == null ? "" : displayName(creator.name());
        Instant now = Instant.now();
        Instant expiresAt = idleDeadline(now, now);
        // The call is now the new room's agent's work: its log lines say so (the request's MDC).
        RoomLogContext.enter(roomId, agentId);
        // Independent writes, so at the same time: each waits for a Redis round trip.
        return Uni.combine().all().unis(credentials.newCode(roomId, config.joinCodeTtl()),
                        credentials.newInvite(roomId, config.joinCodeTtl()))
                .asTuple().chain(pair -> {
                    String code = pair.getItem1();
                    String invite = pair.getItem2();
                    RoomRecord room = new RoomRecord(roomId, createdBy, agentId, now, expiresAt, code, invite,
                            null, null);
                    ParticipantRecord agent = new ParticipantRecord(agentId, Role.AGENT.claimValue(), name, now);
                    IssuedToken token = tokens.issue(roomId, agentId, Role.AGENT, name, createdBy);
                    return store.create(room, agent, labels)
                            .invoke(() -> labelLookup.remember(roomId, labels))
                            .chain(() -> agentRooms.add(createdBy, roomId, now, config.tokenTtl()))
                            // Both events handed to the producer at once, in this order: one partition (the room's
                            // key) and an idempotent producer keep it; waiting for each ack in turn only added time.
                            .chain(() -> Uni.combine().all().unis(
                                    events.created(new RoomCreated(roomId, agentId, createdBy, now, expiresAt,
                                            creator)),
                                    events.joined(new ParticipantJoined(roomId, agentId, Role.AGENT.claimValue(),
                                            name, "create", now))).discardItems())
                            .replaceWith(new CreatedRoom(roomId, agentId, code, inviteUrl(invite), expiresAt,
                                    token.jwt(), token.expiresAt()));
                });
    }

    /** The room as its participant {@code caller} may see it; counts as activity. */
    public Uni<RoomView> view(Participant caller) {
        return openRoom(caller.roomId()).chain(room -> {
            Instant expiresAt = idleDeadline(room.createdAt(), Instant.now());
            return store.touch(room.id(), expiresAt)
                    .chain(() -> store.participants(room.id()))
                    .map(participants -> {
                        boolean showJoin = caller.can(Grant.ADMIN) && !room.taken();
                        return new RoomView(room.id(), room.taken() ? RoomState.ACTIVE : RoomState.WAITING,
                                room.createdAt(), expiresAt,
                                participants.stream().map(p -> new ParticipantView(p.id(), p.role(), p.name(),
                                        p.joinedAt())).toList(),
                                showJoin ? room.joinCode() : null, showJoin ? inviteUrl(room.invite()) : null);
                    });
        });
    }

    /** Records activity in a room (the idle expiry moves on, never past the end of its lifetime). */
    public Uni<Void> touch(String roomId) {
        return store.find(roomId).chain(room -> room == null ? Uni.createFrom().voidItem()
                : store.touch(roomId, idleDeadline(room.createdAt(), Instant.now())));
    }

    /** An idle TTL from {@code now}, or the end of the room's lifetime if that comes first. */
    private Instant idleDeadline(Instant createdAt, Instant now) {
        Instant idle = now.plus(config.idleTtl());
        Instant lifetimeEnd = createdAt.plus(config.maxLifetime());
        return idle.isBefore(lifetimeEnd) ? idle : lifetimeEnd;
    }

    /** Whether the room has reached the end of its lifetime ({@code coview.room.max-lifetime} from its creation). */
    private boolean pastLifetime(RoomRecord room, Instant now) {
        return !room.createdAt().plus(config.maxLifetime()).isAfter(now);
    }

    /** Ends the room for everyone; {@code agent} is who ended it. */
    public Uni<Void> end(Participant agent) {
        String roomId = agent.roomId();
        Instant now = Instant.now();
        return finish(roomId, now, RoomEnded.AGENT)
                .chain(() -> events.ended(new RoomEnded(roomId, agent.id(), RoomEnded.AGENT, now)));
    }

    /**
     * Ends a room whose idle deadline has passed, unless activity moved it on since the sweep saw it or someone is
     * still connected to its signaling (then the deadline moves on instead) before the end of its lifetime (then
     * nothing keeps it). Called by the
     * one instance that claimed the room from the expiry index.
     *
     * @return whether the room expired
     */
    public Uni<Boolean> expire(String roomId, Instant deadline) {
        Instant now = Instant.now();
        return store.find(roomId).chain(room -> {
            if (room != null && room.expiresAt().isAfter(now)) {
                // Touched between the sweep's read and its claim: back into the index with its new deadline.
                return store.reschedule(roomId, room.expiresAt()).replaceWith(false);
            }
            if (room != null && room.ended()) {
                return Uni.createFrom().item(false);
            }
            // At the end of its lifetime a room expires even in use; before it, connected participants keep it.
            Uni<Boolean> inUse = room != null && pastLifetime(room, now)
                    ? Uni.createFrom().item(false) : store.connected(roomId);
            return inUse.chain(connected -> connected
                    // Participants are connected over WebSockets: the room is in use, not idle.
                    ? store.reschedule(roomId, idleDeadline(room == null ? now : room.createdAt(), now))
                    .replaceWith(false)
                    : finish(roomId, now, RoomEnded.EXPIRED)
                    .chain(() -> events.expired(new RoomExpired(roomId, deadline, now)))
                    // endedBy stays the room's agent on expiry (reason says nobody ended it): the previous
                    // release's schema requires endedBy, and its consumers must keep accepting room.ended.
                    .chain(() -> events.ended(new RoomEnded(roomId, room == null ? null : room.agentId(),
                            RoomEnded.EXPIRED, now)))
                    .replaceWith(true));
        });
    }

    /** The room, if it exists and is open: 404 / 410 otherwise. */
    Uni<RoomRecord> openRoom(String roomId) {
        return store.find(roomId).map(room -> {
            if (room == null) {
                throw new ProblemException(ProblemType.ROOM_NOT_FOUND, "room " + roomId + " does not exist");
            }
            Instant now = Instant.now();
            if (room.ended() || !room.expiresAt().isAfter(now) || pastLifetime(room, now)) {
                throw new ProblemException(ProblemType.ROOM_ENDED, "room " + roomId + " has ended");
            }
            return room;
        });
    }

    /** A provider's name within the 80 characters a display name may have (participant.joined's schema). */
    private static String displayName(String fromProvider) {
        String name = fromProvider.strip();
        return name.length() <= 80 ? name : name.substring(0, 80);
    }

    /**
     * The invite link. The token travels in the fragment, which a browser never sends: it stays out of access logs
     * and proxies (links with {@code ?invite=} from before still work, the page reads both).
     */
    String inviteUrl(String invite) {
        String base = urls.publicBase().replaceAll("/+$", "");
        return base + "/join/#invite=" + URLEncoder.encode(invite, StandardCharsets.UTF_8);
    }

    private Uni<Void> finish(String roomId, Instant now, String reason) {
        // The marker first: from this moment on every service refuses the room's tokens.
        return revocations.markEnded(roomId, config.tokenTtl(), reason)
                .chain(() -> store.find(roomId))
                .chain(room -> room == null ? Uni.createFrom().voidItem()
                        : store.end(roomId, now).chain(() -> credentials.revoke(room.joinCode(), room.invite()))
                        .chain(() -> agentRooms.remove(room.createdBy(), roomId)));
    }
}
