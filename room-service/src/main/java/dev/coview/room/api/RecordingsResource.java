package dev.coview.room.api;

import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.media.MediaLinks;
import dev.coview.room.access.MediaReadAccess;
import dev.coview.room.media.recordings.ChunkView;
import dev.coview.room.media.recordings.CompleteRecordingRequest;
import dev.coview.room.media.recordings.RecordingConsents;
import dev.coview.room.media.recordings.RecordingService;
import dev.coview.room.media.recordings.RecordingView;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import dev.coview.support.auth.Participant;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Recordings over REST (Flow 9), all for holders of the record grant (the agent): create, upload numbered WebM
 * chunks while recording (idempotent per number), complete (assembles one WebM file, publishes
 * {@code recording.stopped} and {@code recording.ready}), list, and download with HTTP Range. Runs on worker
 * threads (file I/O).
 */
@Path("/api/rooms/{id}/recordings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "recordings")
@SecurityRequirement(name = OpenApiSecurity.BEARER)
@APIResponse(responseCode = "403", description = "a token of another room, or without the record grant; for a new "
        + "recording also: the customer has not consented (consent-required)")
public class RecordingsResource {

    private static final String VIDEO_WEBM = "video/webm";

    private final MediaCallAccess access;
    /** Downloads only: also signed links and servers' media keys (field-injected, so uploads stay untouched). */
    @Inject
    MediaReadAccess mediaReads;
    private final RecordingService recordings;
    private final RecordingConsents consents;

    public RecordingsResource(MediaCallAccess access, RecordingService recordings, RecordingConsents consents) {
        this.access = access;
        this.recordings = recordings;
        this.consents = consents;
    }

    @POST
    @Blocking
    @Operation(summary = "Start a recording",
            description = "Only with the customer's consent: the agent asks in the session (recording.request on the "
                    + "annotation socket), the customer grants it (recording.consent); each consent allows one "
                    + "recording, else 403 consent-required. Publishes recording.started. No body.")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = RecordingView.class)))
    public Response create(@PathParam("id") @Pattern(regexp = RoomsResource.ROOM_ID) String roomId,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) throws IOException {
        Participant agent = requireWriting(authorization, roomId);
        consents.take(agent.roomId()).await().atMost(MediaCallAccess.ACCESS_WAIT);
        RecordingView created = recordings.create(agent);
        return Response.created(URI.create(created.url())).entity(created).build();
    }

    @GET
    @Blocking
    @Operation(summary = "List the room's recordings", description = "Oldest first, recording or ready.")
    @APIResponse(responseCode = "200", description = "the recordings",
            content = @Content(schema = @Schema(implementation = RecordingView.class, type = SchemaType.ARRAY)))
    public List<RecordingView> list(@PathParam("id") @Pattern(regexp = RoomsResource.ROOM_ID) String roomId,
                                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) throws IOException {
        require(authorization, roomId);
        return recordings.list(roomId);
    }

    @PUT
    @Blocking
    @Path("/{rid}/chunks/{n}")
    @Consumes(VIDEO_WEBM)
    @Operation(summary = "Upload chunk n of a recording",
            description = "Body: the chunk as MediaRecorder produced it (video/webm); chunk 0 must start with the "
                    + "EBML header. Idempotent: the same bytes again answer 200, other bytes for a stored n 409.")
    @APIResponse(responseCode = "201", description = "stored",
            content = @Content(schema = @Schema(implementation = ChunkView.class)))
    @APIResponse(responseCode = "200", description = "already stored with the same bytes",
            content = @Content(schema = @Schema(implementation = ChunkView.class)))
    @APIResponse(responseCode = "409", description = "chunk n holds other bytes, or the recording is complete")
    @APIResponse(responseCode = "413", description = "the chunk is larger than allowed")
    public Response putChunk(@PathParam("id") @Pattern(regexp = RoomsResource.ROOM_ID) String roomId,
                             @PathParam("rid") @Pattern(regexp = RoomsResource.ROOM_ID) String recordingId,
                             @PathParam("n") int n,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             InputStream body) throws IOException {
        // The token was checked before the body was read (UploadGate); this check names the participant.
        requireWriting(authorization, roomId);
        RecordingService.StoredChunk stored = recordings.putChunk(roomId, recordingId, n,
                body == null ? InputStream.nullInputStream() : body);
        return Response.status(stored.created() ? 201 : 200).entity(stored.chunk()).build();
    }

    @POST
    @Blocking
    @Path("/{rid}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complete a recording",
            description = "Body {chunks: N}: chunks 0..N-1 must all be uploaded (else 409 naming the missing ones). "
                    + "Concatenates them into one WebM file; publishes recording.stopped, then recording.ready.")
    @APIResponse(responseCode = "200", description = "ready",
            content = @Content(schema = @Schema(implementation = RecordingView.class)))
    @APIResponse(responseCode = "409", description = "chunks are missing")
    public RecordingView complete(@PathParam("id") @Pattern(regexp = RoomsResource.ROOM_ID) String roomId,
                                  @PathParam("rid") @Pattern(regexp = RoomsResource.ROOM_ID) String recordingId,
                                  @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                  @Valid @NotNull CompleteRecordingRequest body) throws IOException {
        Participant agent = requireWriting(authorization, roomId);
        return recordings.complete(agent, recordingId, body.chunks());
    }

    @GET
    @Blocking
    @Path("/{rid}")
    @Produces(VIDEO_WEBM)
    @Operation(summary = "Download a recording",
            description = "The assembled WebM file, once ready. Range requests give 206 (416 outside the file); "
                    + "ETag is the file's SHA-256.")
    @APIResponse(responseCode = "200", description = "the file", content = @Content(mediaType = VIDEO_WEBM))
    @APIResponse(responseCode = "206", description = "the requested range", content = @Content(mediaType = VIDEO_WEBM))
    @APIResponse(responseCode = "416", description = "the range lies outside the file")
    public Response download(@PathParam("id") @Pattern(regexp = RoomsResource.ROOM_ID) String roomId,
                             @PathParam("rid") @Pattern(regexp = RoomsResource.ROOM_ID) String recordingId,
                             @BeanParam MediaRequest request) throws IOException {
        // A room token with the record grant, a signed link for this recording, or a server's media key.
        request.require(mediaReads, MediaLinks.recordingPath(roomId, recordingId), roomId, Grant.RECORD);
        RecordingView recording = recordings.find(roomId, recordingId)
                .filter(r -> r.state() == RecordingView.State.READY)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                        "no complete recording " + recordingId + " in this room"));
        return request.answer(VIDEO_WEBM, recording.size(), recording.sha256(), "recording-" + recordingId + ".webm",
                (offset, length) -> recordings.open(recording, offset, length));
    }

    private Participant require(String authorization, String roomId) {
        return access.require(authorization, roomId, Grant.RECORD);
    }

    /** Like {@link #require}, and counts as activity: a room being recorded does not expire as idle. */
    private Participant requireWriting(String authorization, String roomId) {
        return access.requireWriting(authorization, roomId, Grant.RECORD);
    }
}
