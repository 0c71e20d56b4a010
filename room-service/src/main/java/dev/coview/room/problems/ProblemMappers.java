package dev.coview.room.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.coview.contracts.rooms.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become RFC 9457 {@code application/problem+json}: refusals of the service
 * ({@link ProblemException}), Bean Validation, unreadable JSON, JAX-RS errors (404, 405, 415, …) and anything
 * unexpected (500, logged with an error id that the answer repeats; no stack trace reaches a client).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder r = builder(e.type(), e.type().status(), e.getMessage(), uri, e.errors());
        e.headers().forEach(r::header);
        return r.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return builder(ProblemType.INVALID_REQUEST, 400, errors.size() + " invalid field(s)", uri, errors).build();
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response unrecognized(UnrecognizedPropertyException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type = status == 404 ? ProblemType.NOT_FOUND : ProblemType.HTTP;
        Response.Status known = Response.Status.fromStatusCode(status);
        String detail = known == null ? "HTTP " + status : known.getReasonPhrase();
        Response.ResponseBuilder r = builder(type, status, detail, uri, null);
        // Keep what the protocol needs, e.g. Allow on 405.
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> r.header(name, v));
            }
        });
        return r.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure on %s (error id %s)", uri.getPath(), errorId);
        return builder(ProblemType.INTERNAL, 500, "Something went wrong on our side (error id " + errorId + ")", uri,
                null).build();
    }

    private static Response malformed(JsonProcessingException e, UriInfo uri) {
        String detail = e instanceof MismatchedInputException m && !m.getPath().isEmpty()
                ? "field '" + pathOf(m) + "' has the wrong type or shape"
                : "the body is not valid JSON";
        return builder(ProblemType.MALFORMED_JSON, 400, detail, uri, null).build();
    }

    private static String pathOf(MismatchedInputException m) {
        StringBuilder b = new StringBuilder();
        m.getPath().forEach(ref -> {
            if (ref.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                b.append('[').append(ref.getIndex()).append(']');
            }
        });
        return b.toString();
    }

    /** The last node of a violation's path: the body field or the parameter, never the Java method name. */
    private static String field(ConstraintViolation<?> v) {
        String last = "";
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getName() != null) {
                last = node.getName();
            }
        }
        return last;
    }

    static Response.ResponseBuilder builder(ProblemType type, int status, String detail, UriInfo uri,
                                            List<Problem.FieldError> errors) {
        String title = type == ProblemType.HTTP ? reason(status) : type.title();
        Problem p = new Problem(type.uri().toString(), title, status, detail, uri == null ? null : uri.getPath(),
                errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(p);
    }

    private static String reason(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return s == null ? "HTTP " + status : s.getReasonPhrase();
    }
}
