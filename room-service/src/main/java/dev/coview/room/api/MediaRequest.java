package dev.coview.room.api;

import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.media.MediaLinks;
import dev.coview.room.access.MediaReadAccess;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * What a download of stored media (a snapshot part, a recording) carries besides the file's path: the caller's
 * credential (a room token, a server's media key, or a signed link's query) and the conditional headers. One
 * {@code @BeanParam} for both downloads, so they read the same parameters, check them the same way
 * ({@link MediaReadAccess}) and answer alike ({@link MediaDownloads}).
 */
public class MediaRequest {

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    String authorization;
    @HeaderParam(MediaReadAccess.MEDIA_KEY_HEADER)
    String mediaKey;
    @QueryParam(MediaLinks.EXPIRES)
    String expires;
    @QueryParam(MediaLinks.SIGNATURE)
    String sig;
    @HeaderParam("Range")
    String range;
    @HeaderParam("If-Range")
    String ifRange;
    @HeaderParam(HttpHeaders.IF_NONE_MATCH)
    String ifNoneMatch;

    /**
     * Returns when the caller may read the file at {@code path} of {@code roomId}: a signed link for that file, a
     * server's media key, or a room token ({@code grant}: the one it needs, {@code null} for any participant).
     */
    void require(MediaReadAccess reads, String path, String roomId, Grant grant) {
        reads.require(authorization, mediaKey, path, expires, sig, roomId, grant)
                .await().atMost(MediaCallAccess.ACCESS_WAIT);
    }

    /** The file, a range of it, or not modified, as this request's conditional headers ask. */
    Response answer(String mediaType, long size, String sha256, String fileName, MediaDownloads.Opener opener)
            throws IOException {
        return MediaDownloads.file(mediaType, size, sha256, fileName, range, ifRange, ifNoneMatch, opener);
    }
}
