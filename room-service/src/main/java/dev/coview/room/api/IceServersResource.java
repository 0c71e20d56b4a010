package dev.coview.room.api;

import dev.coview.contracts.rooms.IceServers;
import dev.coview.room.access.RoomAccess;
import dev.coview.room.ice.IceServersProvider;
import dev.coview.room.rooms.RoomMediaSettings;
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
    private final RoomMediaSettings settings;

    public IceServersResource(RoomAccess access, IceServersProvider provider, RoomService rooms,
                              RoomMediaSettings settings) {
        this.access = access;
        this.provider = provider;
        this.rooms = rooms;
        this.settings = settings;
    }

    @GET
    @Operation(summary = "ICE servers for this participant",
            description = "For any participant of an open room; the TURN credential names the participant and expires "
                    + "with the token or after coview.room.ice.turn-credential-ttl, whichever is first. "
                    + "iceTransportPolicy is 'relay' in a relay-only room.")
    @SecurityRequirement(name = OpenApiSecurity.BEARER)
    public Uni<IceServers> iceServers(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return access.requireToken(authorization, null, null).chain(v -> {
            String roomId = v.participant().roomId();
            return rooms.touch(roomId).chain(() -> settings.relayOnly(roomId)).map(relayOnly ->
                    provider.forParticipant(v.participant().id(), Instant.now(), v.expiresAt(), relayOnly));
        });
    }
}
