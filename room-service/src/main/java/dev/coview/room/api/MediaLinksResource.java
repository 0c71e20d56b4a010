package dev.coview.room.api;

import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.media.MediaLinks;
import dev.coview.room.access.MediaLinkSigner;
import dev.coview.room.access.MediaReadAccess;
import dev.coview.room.media.recordings.RecordingService;
import dev.coview.room.media.recordings.RecordingView;
import dev.coview.room.media.snapshots.SnapshotPart;
import dev.coview.room.media.snapshots.SnapshotService;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Signed, short-lived download links (a link that opens in a new tab, without a token): for a participant of the
 * room (recordings need the record grant) or a server with a media key ({@link MediaReadAccess}).
 */
@Path("/api/rooms/{id}/media-links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "media")
public class MediaLinksResource {

    private final MediaReadAccess access;
    private final MediaLinkSigner signer;
    private final SnapshotService snapshots;
    private final RecordingService recordings;

    public MediaLinksResource(MediaReadAccess access, MediaLinkSigner signer, SnapshotService snapshots,
                              RecordingService recordings) {
        this.access = access;
        this.signer = signer;
        this.snapshots = snapshots;
        this.recordings = recordings;
    }

    /**
     * What to link to: a snapshot part, or a recording.
     *
     * @param snapshotId  the snapshot (with {@code part})
     * @param part        {@code original}, {@code flattened} or {@code annotations}
     * @param recordingId the recording (instead of a snapshot)
     */
    public record LinkRequest(@Pattern(regexp = RoomsResource.ROOM_ID) String snapshotId,
                              @Pattern(regexp = "original|flattened|annotations") String part,
                              @Pattern(regexp = RoomsResource.ROOM_ID) String recordingId) {
    }

    /**
     * A link.
     *
     * @param url       absolute; works without a token until {@code expiresAt}
     * @param expiresAt when it stops working
     */
    public record LinkView(String url, Instant expiresAt) {
    }

    @POST
    @Blocking
    @Operation(summary = "Make a signed download link",
            description = "For a snapshot part (any participant) or a ready recording (record grant), or for a server "
                    + "with X-CoView-Media-Key. The link works without a token for a few minutes.")
    @APIResponse(responseCode = "201", description = "the link",
            content = @Content(schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "404", description = "no such snapshot or ready recording")
    public RestResponse<LinkView> link(@PathParam("id") @Pattern(regexp = RoomsResource.ROOM_ID) String roomId,
                                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                       @HeaderParam(MediaReadAccess.MEDIA_KEY_HEADER) String mediaKey,
                                       @Valid @NotNull LinkRequest body) throws IOException {
        String path;
        Grant grant;
        if (body.recordingId() != null && body.snapshotId() == null) {
            path = MediaLinks.recordingPath(roomId, body.recordingId());
            grant = Grant.RECORD;
        } else if (body.snapshotId() != null && body.part() != null && body.recordingId() == null) {
            path = MediaLinks.snapshotPath(roomId, body.snapshotId(), body.part());
            grant = null;
        } else {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "name either a snapshotId with its part, or a recordingId");
        }
        access.require(authorization, mediaKey, null, null, null, roomId, grant)
                .await().atMost(MediaCallAccess.ACCESS_WAIT);
        boolean exists = body.recordingId() != null
                ? recordings.find(roomId, body.recordingId()).filter(r -> r.state() == RecordingView.State.READY)
                .isPresent()
                : snapshots.find(roomId, body.snapshotId()).isPresent()
                && SnapshotPart.byField(body.part()).isPresent();
        if (!exists) {
            throw new ProblemException(ProblemType.NOT_FOUND, "nothing to link to: no such file in this room");
        }
        MediaLinkSigner.Link link = signer.link(path);
        return RestResponse.status(RestResponse.Status.CREATED, new LinkView(link.url(), link.expiresAt()));
    }
}
