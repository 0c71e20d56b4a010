package dev.coview.room.api;

import dev.coview.room.media.ByteRange;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * Answers for downloads of stored media: the whole file (200), one byte range (206 with {@code Content-Range}),
 * not modified (304, {@code If-None-Match} equal to the {@code ETag}, which is the file's SHA-256) or an
 * unsatisfiable range (416 problem+json with {@code Content-Range: bytes *}/size). The body streams from the store.
 */
final class MediaDownloads {

    /** Opens {@code length} bytes of the file from {@code offset}. */
    @FunctionalInterface
    interface Opener {
        InputStream open(long offset, long length) throws IOException;
    }

    private MediaDownloads() {
    }

    /**
     * @param range       the request's {@code Range} header (may be null)
     * @param ifRange     the request's {@code If-Range} header: a range is only honoured while it still names this
     *                    file's ETag
     * @param ifNoneMatch the request's {@code If-None-Match} header
     */
    static Response file(String mediaType, long size, String sha256, String fileName, String range, String ifRange,
                         String ifNoneMatch, Opener opener) throws IOException {
        String etag = "\"" + sha256 + "\"";
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        Optional<ByteRange> wanted;
        try {
            wanted = ifRange == null || ifRange.trim().equals(etag) ? ByteRange.parse(range, size) : Optional.empty();
        } catch (ByteRange.Unsatisfiable e) {
            throw new ProblemException(ProblemType.RANGE_NOT_SATISFIABLE,
                    "the file has " + size + " bytes; the range '" + range + "' lies outside it",
                    Map.of("Content-Range", "bytes */" + size));
        }
        long offset = wanted.map(ByteRange::first).orElse(0L);
        long length = wanted.map(ByteRange::length).orElse(size);
        Response.ResponseBuilder r = wanted.isPresent()
                ? Response.status(206).header("Content-Range", wanted.get().contentRange())
                : Response.ok();
        return r.type(mediaType)
                .entity(opener.open(offset, length))
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header(HttpHeaders.ETAG, etag)
                .header("Accept-Ranges", "bytes")
                // Media of a support session: the browser may keep it, shared caches must not.
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
