package dev.coview.room.api;

import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.media.MediaLinks;
import dev.coview.room.access.MediaReadAccess;
import dev.coview.room.media.snapshots.SnapshotPart;
import dev.coview.room.media.snapshots.SnapshotService;
import dev.coview.room.media.snapshots.SnapshotView;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import dev.coview.support.auth.Participant;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Snapshots over REST (Flow 8): an agent (freeze grant) uploads the frozen frame, the annotations and the flattened
 * image as multipart/form-data; every participant of the room lists and downloads them. Runs on worker threads
 * (file I/O). Failures are problem+json: 413 too large, 415 not a PNG, 400 missing part or annotations not JSON.
 */
@Path("/api/rooms/{id}/snapshots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "snapshots")
@SecurityRequirement(name = OpenApiSecurity.BEARER)
@APIResponse(responseCode = "403", description = "a token of another room, or without the grant")
public class SnapshotsResource {

    private final MediaCallAccess access;
    /** Downloads only: also signed links and servers' media keys (field-injected, so uploads stay untouched). */
    @Inject
    MediaReadAccess mediaReads;
    private final SnapshotService snapshots;

    public SnapshotsResource(MediaCallAccess access, SnapshotService snapshots) {
        this.access = access;
        this.snapshots = snapshots;
    }

    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Save a snapshot",
            description = "Needs the freeze grant. Three file parts: original (image/png), annotations "
                    + "(application/json), flattened (image/png). The server computes the SHA-256 of each and checks "
                    + "the bytes (PNG signature, well-formed JSON), not only the declared types. Publishes "
                    + "snapshot.saved.")
    @APIResponse(responseCode = "201", description = "stored",
            content = @Content(schema = @Schema(implementation = SnapshotView.class)))
    @APIResponse(responseCode = "413", description = "a part is larger than allowed")
    @APIResponse(responseCode = "415", description = "a part is not of its media type")
    public Response upload(@PathParam("id") @Pattern(regexp = RoomsResource.ROOM_ID) String roomId,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @RestForm("original") FileUpload original,
                           @RestForm("annotations") FileUpload annotations,
                           @RestForm("flattened") FileUpload flattened) throws IOException {
        // Saving a snapshot is activity: the room's idle expiry moves on.
        Participant author = access.requireWriting(authorization, roomId, Grant.FREEZE);
        Map<SnapshotPart, SnapshotService.Upload> parts = new EnumMap<>(SnapshotPart.class);
        put(parts, SnapshotPart.ORIGINAL, original);
        put(parts, SnapshotPart.ANNOTATIONS, annotations);
        put(parts, SnapshotPart.FLATTENED, flattened);
        SnapshotView saved = snapshots.save(author, parts);
        return Response.created(URI.create("/api/rooms/" + roomId + "/snapshots/" + saved.snapshotId()))
                .entity(saved).build();
    }

    @GET
    @Blocking
    @Operation(summary = "List the room's snapshots", description = "For every participant of the room; oldest first.")
    @APIResponse(responseCode = "200", description = "the snapshots",
            content = @Content(schema = @Schema(implementation = SnapshotView.class, type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<SnapshotView> list(@PathParam("id") @Pattern(regexp = RoomsResource.ROOM_ID) String roomId,
                                   @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) throws IOException {
        access.require(authorization, roomId, null);
        return snapshots.list(roomId);
    }

    @GET
    @Blocking
    @Path("/{sid}")
    @Operation(summary = "Read one snapshot",
            description = "For every participant of the room: its SHA-256s, sizes, author and download URLs (e.g. "
                    + "for the customer whose client shows the still that a freeze names).")
    @APIResponse(responseCode = "200", description = "the snapshot",
            content = @Content(schema = @Schema(implementation = SnapshotView.class)))
    @APIResponse(responseCode = "404", description = "no such snapshot in this room")
    public SnapshotView view(@PathParam("id") @Pattern(regexp = RoomsResource.ROOM_ID) String roomId,
                             @PathParam("sid") @Pattern(regexp = RoomsResource.ROOM_ID) String snapshotId,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) throws IOException {
        access.require(authorization, roomId, null);
        return find(roomId, snapshotId);
    }

    @GET
    @Blocking
    @Path("/{sid}/{part}")
    @Produces({"image/png", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download one part of a snapshot",
            description = "part is original, flattened or annotations. For every participant of the room. ETag is "
                    + "the part's SHA-256; Range requests are honoured.")
    @APIResponse(responseCode = "200", description = "the part")
    public Response download(@PathParam("id") @Pattern(regexp = RoomsResource.ROOM_ID) String roomId,
                             @PathParam("sid") @Pattern(regexp = RoomsResource.ROOM_ID) String snapshotId,
                             @PathParam("part") String partName,
                             @BeanParam MediaRequest request) throws IOException {
        // A room token, a signed link for this very part, or a server's media key.
        request.require(mediaReads, MediaLinks.snapshotPath(roomId, snapshotId, partName), roomId, null);
        SnapshotPart part = SnapshotPart.byField(partName).orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, "a snapshot has the parts original, flattened and annotations"));
        SnapshotView snapshot = find(roomId, snapshotId);
        String extension = part == SnapshotPart.ANNOTATIONS ? ".json" : ".png";
        return request.answer(part.mediaType(), snapshot.size().of(part), snapshot.sha256().of(part),
                "snapshot-" + snapshotId + "-" + part.field() + extension,
                (offset, length) -> snapshots.open(snapshot, part, offset, length));
    }

    private SnapshotView find(String roomId, String snapshotId) throws IOException {
        return snapshots.find(roomId, snapshotId).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "no snapshot " + snapshotId + " in this room"));
    }

    private static void put(Map<SnapshotPart, SnapshotService.Upload> parts, SnapshotPart part, FileUpload upload) {
        if (upload != null) {
            parts.put(part, new SnapshotService.Upload(upload.uploadedFile(), upload.contentType(), upload.size()));
        }
    }
}
