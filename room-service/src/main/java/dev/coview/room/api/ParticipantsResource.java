package dev.coview.room.api;

import dev.coview.contracts.auth.Grant;
import dev.coview.room.access.RoomAccess;
import dev.coview.room.rooms.ParticipantRemoval;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The agent removes one participant from its room ({@link ParticipantRemoval}). Every failure is RFC 9457
 * problem+json.
 */
@Path("/api/rooms/{id}/participants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rooms")
public class ParticipantsResource {

    private final RoomAccess access;
    private final ParticipantRemoval removal;

    public ParticipantsResource(RoomAccess access, ParticipantRemoval removal) {
        this.access = access;
        this.removal = removal;
    }

    @DELETE
    @Path("/{participantId}")
    @Operation(summary = "Remove a participant",
            description = "For the room's agent (admin grant). Every token of the participant is refused from then on "
                    + "(sockets, REST, rejoin), their open sockets are closed with 4003 on every instance, and "
                    + "participant.removed is published. Removing someone already removed changes nothing (204).")
    @SecurityRequirement(name = OpenApiSecurity.BEARER)
    @APIResponse(responseCode = "204", description = "removed")
    @APIResponse(responseCode = "400", description = "the agent named itself (end the room instead)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "the token is for another room or lacks the admin grant")
    @APIResponse(responseCode = "404", description = "the room never had this participant")
    @APIResponse(responseCode = "410", description = "the room has ended")
    public Uni<RestResponse<Void>> remove(@PathParam("id") @Pattern(regexp = RoomsResource.ROOM_ID) String roomId,
                                          @PathParam("participantId") @Pattern(regexp = RoomsResource.ROOM_ID)
                                          String participantId,
                                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return access.require(authorization, roomId, Grant.ADMIN)
                .chain(agent -> removal.remove(agent, participantId))
                .map(nothing -> RestResponse.noContent());
    }
}
