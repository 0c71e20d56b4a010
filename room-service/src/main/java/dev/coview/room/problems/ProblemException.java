package dev.coview.room.problems;

import dev.coview.contracts.rooms.Problem;
import java.util.List;
import java.util.Map;

/**
 * A refusal that becomes an RFC 9457 answer through {@link ProblemMappers}. Carries no stack trace (it is a
 * normal outcome, not a bug) and optional response headers such as {@code Retry-After}.
 */
public final class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, String> headers;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ProblemException(ProblemType type, String detail, Map<String, String> headers) {
        this(type, detail, headers, null);
    }

    /** With the {@code errors} extension member (e.g. the missing chunks of a recording). */
    public ProblemException(ProblemType type, String detail, Map<String, String> headers,
                            List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.headers = Map.copyOf(headers);
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    /** Extra response headers. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The {@code errors} extension member; {@code null} when absent. */
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
