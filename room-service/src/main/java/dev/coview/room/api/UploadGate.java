package dev.coview.room.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.rooms.Problem;
import dev.coview.room.access.RoomAccess;
import dev.coview.room.config.RoomConfig;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Checks a media upload (snapshot, recording chunk, any POST or PUT under {@code /api/rooms/{id}/snapshots} or
 * {@code …/recordings}) before a byte of its body is read: the request is paused while {@link RoomAccess} checks the
 * bearer token, its room and the grant (freeze for snapshots, record for recordings), then a declared
 * {@code Content-Length} over the route's limit is refused with 413. A refusal is problem+json; a body that declares
 * more than {@link #DRAIN_LIMIT}, or sends more than that without declaring a length, stays unread and the connection
 * closes, so an anonymous client cannot make the service buffer or spool 40 MB per request, while a small one is read
 * and dropped first so that its client gets the refusal rather than a broken pipe. The resources check
 * the token again (they need the participant) and count the bytes of bodies that declare no length while streaming.
 */
@ApplicationScoped
public class UploadGate {

    private static final Logger LOG = Logger.getLogger(UploadGate.class);
    private static final Pattern MEDIA = Pattern.compile("^/api/rooms/([^/]+)/(snapshots|recordings)(/.*)?$");
    private static final Pattern CHUNK = Pattern.compile("^/[^/]+/chunks/[^/]+/?$");
    /** Room for the multipart boundaries and part headers around a snapshot's three files. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;
    /** The small JSON bodies of the other media calls (complete a recording, start one). */
    private static final long SMALL_BODY = 64 * 1024;
    /**
     * A refused request whose declared body is at most this long is read to its end (and dropped) before the answer:
     * a client still sending it would otherwise meet a closed connection ("broken pipe") instead of the refusal.
     * Longer bodies (declared, or counted while draining one sent without a length) stay unread and the connection
     * closes: that is what protects the service.
     */
    private static final long DRAIN_LIMIT = 256 * 1024;
    /**
     * How long a refused body may take to arrive while it is drained. Without it a client that sends a few bytes and
     * then nothing, or one byte now and then (each resetting the 30-minute idle timeout), held its connection and
     * its handlers open for as long as it liked: the slow-loris pattern, one connection per refusal. A real client
     * sends 256 KiB in well under this; past it the answer goes out at once and the connection closes.
     */
    static final long DRAIN_MILLIS = 5_000;

    private final RoomAccess access;
    private final RoomConfig.Storage limits;
    private final ObjectMapper mapper;

    UploadGate(RoomAccess access, RoomConfig config, ObjectMapper mapper) {
        this.access = access;
        this.limits = config.storage();
        this.mapper = mapper;
    }

    /** An upload route: the room in its path, the grant it needs and the most bytes its body may have. */
    record Upload(String roomId, Grant grant, long maxBytes) {
    }

    /** The upload that {@code method path} is, or {@code null} for any other request. */
    Upload uploadOf(HttpMethod method, String path) {
        if (method != HttpMethod.POST && method != HttpMethod.PUT || path == null) {
            return null;
        }
        Matcher m = MEDIA.matcher(path);
        if (!m.matches()) {
            return null;
        }
        String rest = m.group(3) == null ? "" : m.group(3);
        if (m.group(2).equals("snapshots")) {
            long snapshot = 2 * limits.snapshotImageMaxSize().asLongValue()
                    + limits.snapshotAnnotationsMaxSize().asLongValue() + MULTIPART_OVERHEAD;
            return new Upload(m.group(1), Grant.FREEZE, rest.isEmpty() || rest.equals("/") ? snapshot : SMALL_BODY);
        }
        boolean chunk = CHUNK.matcher(rest).matches();
        return new Upload(m.group(1), Grant.RECORD, chunk ? limits.chunkMaxSize().asLongValue() : SMALL_BODY);
    }

    void register(@Observes Router router) {
        // Right after the headers of every response are set (FrameAncestors), before any body handler.
        router.route().order(Integer.MIN_VALUE + 1).handler(this::gate);
    }

    private void gate(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        Upload upload = uploadOf(request.method(), rc.normalizedPath());
        if (upload == null) {
            rc.next();
            return;
        }
        request.pause();
        Context context = Vertx.currentContext();
        access.require(request.getHeader(HttpHeaders.AUTHORIZATION), upload.roomId(), upload.grant())
                .subscribe().with(
                        participant -> context.runOnContext(v -> admit(rc, upload)),
                        failure -> context.runOnContext(v -> refuse(rc, failure)));
    }

    private void admit(RoutingContext rc, Upload upload) {
        String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length = declaredLength(rc.request());
        if (length > upload.maxBytes()) {
            refuse(rc, new ProblemException(ProblemType.TOO_LARGE, "the body has " + declared + " bytes; this call "
                    + "takes at most " + upload.maxBytes()));
            return;
        }
        rc.request().resume();
        rc.next();
    }

    private void refuse(RoutingContext rc, Throwable failure) {
        ProblemException problem = failure instanceof ProblemException p ? p : internal(rc, failure);
        Problem body = new Problem(problem.type().uri().toString(), problem.type().title(), problem.type().status(),
                problem.getMessage(), rc.normalizedPath(), problem.errors());
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem always serializes", e);
        }
        long declared = declaredLength(rc.request());
        if (rc.request().isEnded()) {
            answer(rc, problem, json, false);
        } else if (declared <= DRAIN_LIMIT) {
            drain(rc, problem, json);
        } else {
            answer(rc, problem, json, true);
        }
    }

    /**
     * Reads a refused body to its end and drops it, then answers on a connection that stays usable. A body without a
     * declared length (chunked, as many HTTP libraries send multipart) is drained too, but only up to
     * {@link #DRAIN_LIMIT} and for {@link #DRAIN_MILLIS}: past either the answer goes out at once and the connection
     * closes.
     */
    private static void drain(RoutingContext rc, ProblemException problem, byte[] json) {
        HttpServerRequest request = rc.request();
        long[] read = {0};
        boolean[] answered = {false};
        long[] deadline = {-1};
        // Once, whichever comes first: the body's end (the connection stays usable), or the limit or the deadline
        // (the rest stays unread: the connection closes).
        Consumer<Boolean> finish = close -> {
            if (answered[0]) {
                return;
            }
            answered[0] = true;
            rc.vertx().cancelTimer(deadline[0]);
            if (close) {
                request.handler(null).endHandler(null).pause();
            }
            answer(rc, problem, json, close);
        };
        deadline[0] = rc.vertx().setTimer(DRAIN_MILLIS, t -> finish.accept(true));
        request.handler(chunk -> {
            read[0] += chunk.length();
            if (read[0] > DRAIN_LIMIT) {
                finish.accept(true);
            }
        }).endHandler(end -> finish.accept(false));
        request.resume();
    }

    /** Sends the refusal; {@code close}: the body stays unread, so the connection must not carry another request. */
    private static void answer(RoutingContext rc, ProblemException problem, byte[] json, boolean close) {
        var response = rc.response().setStatusCode(problem.type().status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        problem.headers().forEach(response::putHeader);
        boolean http1 = close && rc.request().version() != HttpVersion.HTTP_2;
        if (http1) {
            // The unread body stays unread: the connection cannot carry another request after it.
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end(io.vertx.core.buffer.Buffer.buffer(json)).onComplete(done -> {
            if (http1) {
                rc.request().connection().close();
            }
        });
    }

    /** The declared {@code Content-Length}: -1 when none, {@link Long#MAX_VALUE} when it is not a number. */
    private static long declaredLength(HttpServerRequest request) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static ProblemException internal(RoutingContext rc, Throwable failure) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(failure, "unexpected failure checking an upload to %s (error id %s)", rc.normalizedPath(),
                errorId);
        return new ProblemException(ProblemType.INTERNAL, "Something went wrong on our side (error id " + errorId
                + ")", Map.of());
    }
}
