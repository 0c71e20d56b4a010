package dev.coview.room.api;

import dev.coview.contracts.rooms.IceServers;
import dev.coview.room.access.RoomAccess;
import dev.coview.room.ice.IceServersProvider;
import dev.coview.room.rooms.RoomService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** STUN/TURN servers for a participant's {@code RTCPeerConnection}, with TURN REST API credentials. */
@Path("/api/ice-servers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "media")
public class IceServersResource {

    private final RoomAccess access;
    private final IceServersProvider provider;
    private final RoomService rooms;

    public IceServersResource(RoomAccess access, IceServersProvider provider, RoomService rooms) {
        this.access = access;
        this.provider = provider;
        this.rooms = rooms;
    }

    @GET
    @Operation(summary = "ICE servers for this participant",
            description = "For any participant of an open room; the TURN credential names the participant and expires.")
    @SecurityRequirement(name = OpenApiSecurity.BEARER)
    public Uni<IceServers> iceServers(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return access.require(authorization, null, null)
                .chain(p -> rooms.touch(p.roomId()).replaceWith(provider.forParticipant(p.id(), Instant.now())));
    }
}
