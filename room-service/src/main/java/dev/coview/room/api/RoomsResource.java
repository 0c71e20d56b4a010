package dev.coview.room.api;

import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.rooms.ActiveRoom;
import dev.coview.contracts.rooms.CreatedRoom;
import dev.coview.contracts.rooms.ParticipantToken;
import dev.coview.contracts.rooms.RoomView;
import dev.coview.room.access.AgentCheck;
import dev.coview.room.access.RoomAccess;
import dev.coview.room.ice.IceServersProvider;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import dev.coview.room.rooms.AgentSessions;
import dev.coview.room.rooms.ClientKey;
import dev.coview.room.rooms.JoinService;
import dev.coview.room.rooms.RejoinService;
import dev.coview.room.rooms.RoomMediaSettings;
import dev.coview.room.rooms.RoomService;
import dev.coview.support.events.RoomLabels;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Rooms over REST: an agent creates (signed in, or with an API key: {@link AgentCheck}) and ends them; a
 * customer joins with the code or invite; the agent asks for observer tokens; participants read the room. Every
 * failure is RFC 9457 problem+json ({@link dev.coview.room.problems.ProblemMappers}).
 */
@Path("/api/rooms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rooms")
@APIResponse(responseCode = "400", description = "invalid input")
public class RoomsResource {

    /** Shape of room ids in paths. */
    static final String ROOM_ID = "[A-Za-z0-9_-]{22}";

    private final RoomService rooms;
    private final JoinService joins;
    private final AgentCheck agents;
    private final RoomAccess access;
    private final RejoinService rejoins;
    private final AgentSessions sessions;

    private final RoomMediaSettings mediaSettings;
    private final IceServersProvider ice;

    public RoomsResource(RoomService rooms, JoinService joins, AgentCheck agents, RoomAccess access,
                         RoomMediaSettings mediaSettings, IceServersProvider ice, RejoinService rejoins,
                         AgentSessions sessions) {
        this.mediaSettings = mediaSettings;
        this.ice = ice;
        this.rooms = rooms;
        this.joins = joins;
        this.agents = agents;
        this.access = access;
        this.rejoins = rejoins;
        this.sessions = sessions;
    }

    @GET
    @Operation(summary = "List the calling agent's live rooms",
            description = "Newest first, for the agent console after a reload. Keyed by the identity the agent check "
                    + "answers (today one list per agent API key).")
    @SecurityRequirement(name = OpenApiSecurity.AGENT_KEY)
    @APIResponse(responseCode = "200", description = "the open rooms this agent created",
            content = @Content(schema = @Schema(implementation = ActiveRoom.class)))
    public Uni<List<ActiveRoom>> active(@Context HttpHeaders headers, @Context HttpServerRequest request) {
        return agents.identify(headers, request.remoteAddress().hostAddress())
                .chain(agent -> sessions.active(agent.creator()));
    }

    @POST
    @Path("/{id}/agent-token")
    @Operation(summary = "A new token for the room's agent",
            description = "For the agent who created the room (the same agent check as creating one): the console "
                    + "reconnects to a live room after a reload, as the same participant.")
    @SecurityRequirement(name = OpenApiSecurity.AGENT_KEY)
    @APIResponse(responseCode = "200", description = "the agent's token",
            content = @Content(schema = @Schema(implementation = ParticipantToken.class)))
    @APIResponse(responseCode = "403", description = "another agent created the room")
    public Uni<ParticipantToken> agentToken(@PathParam("id") @Pattern(regexp = ROOM_ID) String roomId,
                                            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return agents.identify(headers, request.remoteAddress().hostAddress())
                .chain(agent -> sessions.agentToken(agent.creator(), roomId));
    }

    @POST
    @Path("/rejoin")
    @Operation(summary = "Come back as the same participant",
            description = "Exchanges the rejoin credential from an earlier join or rejoin (spent by this call) for a "
                    + "new token with the same participant id and the next credential. Never spends a join code.")
    @APIResponse(responseCode = "200", description = "rejoined",
            content = @Content(schema = @Schema(implementation = ParticipantToken.class)))
    @APIResponse(responseCode = "403", description = "the participant was removed from the room")
    @APIResponse(responseCode = "404", description = "wrong, expired or already used credential")
    @APIResponse(responseCode = "410", description = "the room has ended")
    public Uni<ParticipantToken> rejoin(@Valid @NotNull RejoinRequest body) {
        return rejoins.rejoin(body.credential());
    }

    @POST
    @Operation(summary = "Create a room",
            description = "For agents signed in with the identity provider (Authorization: Bearer <access token>) "
                    + "and machine clients (an API key in X-CoView-Agent-Key). Answers the agent's token, the 6-digit "
                    + "join code and the invite link. Wrong API keys are limited per client: past the limit, 429 "
                    + "with Retry-After. An externalRef (the CRM record the session belongs to) and metadata are "
                    + "carried by every session event of the room.")
    @SecurityRequirement(name = OpenApiSecurity.AGENT_SIGN_IN)
    @SecurityRequirement(name = OpenApiSecurity.AGENT_KEY)
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = CreatedRoom.class)))
    @APIResponse(responseCode = "401", description = "no, invalid or expired sign-in token, or no or wrong API key")
    @APIResponse(responseCode = "429", description = "too many wrong API keys from this client")
    public Uni<RestResponse<CreatedRoom>> create(@Context HttpHeaders headers, @Valid CreateRoomRequest body,
                                                 @Context HttpServerRequest request) {
        Boolean relayOnly = body == null ? null : body.relayOnly();
        return agents.identify(headers, request.remoteAddress().hostAddress())
                .chain(createdBy -> {
                    if (Boolean.TRUE.equals(relayOnly) && !ice.relays()) {
                        throw new ProblemException(ProblemType.INVALID_REQUEST,
                                "relayOnly needs a TURN relay, and none is configured (coview.room.ice.turn-urls)");
                    }
                    return rooms.create(createdBy, body == null ? null : body.name(),
                            body == null ? RoomLabels.NONE : body.labels());
                })
                .call(room -> relayOnly == null ? Uni.createFrom().voidItem()
                        : mediaSettings.setRelayOnly(room.roomId(), relayOnly))
                .map(room -> RestResponse.ResponseBuilder.<CreatedRoom>created(
                        URI.create("/api/rooms/" + room.roomId())).entity(room).build());
    }

    @POST
    @Path("/join")
    @Operation(summary = "Join a room as its customer",
            description = "With the join code or the invite; both are spent once a customer has joined. Wrong codes "
                    + "are limited per client: past the limit, 429 with Retry-After.")
    @APIResponse(responseCode = "200", description = "joined",
            content = @Content(schema = @Schema(implementation = ParticipantToken.class)))
    @APIResponse(responseCode = "404", description = "wrong, expired or used code or invite")
    @APIResponse(responseCode = "409", description = "another customer joined first")
    @APIResponse(responseCode = "429", description = "too many wrong codes from this client")
    public Uni<ParticipantToken> join(@Valid @NotNull JoinRoomRequest body, @Context HttpServerRequest request) {
        JoinService.Via via = body.code() != null ? JoinService.Via.CODE : JoinService.Via.INVITE;
        String credential = via == JoinService.Via.CODE ? body.code() : body.invite();
        // remoteAddress() is the forwarded client where quarkus.http.proxy trusts the sender, else the peer.
        String client = ClientKey.of(request.remoteAddress().host(), request.connection().remoteAddress().host());
        return joins.joinAsCustomer(via, credential, body.name(), client);
    }

    @POST
    @Path("/{id}/observers")
    @Operation(summary = "Issue a view-only observer token", description = "For the room's agent (admin grant).")
    @SecurityRequirement(name = OpenApiSecurity.BEARER)
    @APIResponse(responseCode = "201", description = "issued",
            content = @Content(schema = @Schema(implementation = ParticipantToken.class)))
    public Uni<RestResponse<ParticipantToken>> addObserver(@PathParam("id") @Pattern(regexp = ROOM_ID) String roomId,
                                                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                                           @Valid ObserverRequest body) {
        return access.require(authorization, roomId, Grant.ADMIN)
                .chain(agent -> joins.addObserver(agent, body == null ? null : body.name()))
                .map(token -> RestResponse.status(RestResponse.Status.CREATED, token));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a room", description = "For participants of that room. 410 once it has ended.")
    @SecurityRequirement(name = OpenApiSecurity.BEARER)
    @APIResponse(responseCode = "200", description = "the room",
            content = @Content(schema = @Schema(implementation = RoomView.class)))
    @APIResponse(responseCode = "410", description = "the room has ended or expired")
    public Uni<RoomView> view(@PathParam("id") @Pattern(regexp = ROOM_ID) String roomId,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return access.require(authorization, roomId, null).chain(rooms::view);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "End a room",
            description = "For the room's agent (admin grant). Every token of the room is refused from then on, by "
                    + "every service; room.ended is published.")
    @SecurityRequirement(name = OpenApiSecurity.BEARER)
    @APIResponse(responseCode = "204", description = "ended")
    public Uni<RestResponse<Void>> end(@PathParam("id") @Pattern(regexp = ROOM_ID) String roomId,
                                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return access.require(authorization, roomId, Grant.ADMIN)
                .chain(rooms::end)
                .map(nothing -> RestResponse.noContent());
    }
}
