package dev.coview.contracts.rooms;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Every error of CoView's REST API, as RFC 9457 {@code application/problem+json}. Never carries a stack trace.
 *
 * @param type     a URI naming the kind of problem ({@code https://coview.dev/problems/<slug>}); clients branch on it
 * @param title    short, the same for every occurrence of the type
 * @param status   the HTTP status
 * @param detail   this occurrence, for a person
 * @param instance the request path
 * @param errors   extension member for invalid input: one entry per rejected field; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    /** The media type of the body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One rejected input field.
     *
     * @param field   the field's name in the request body ({@code code}, {@code invite}, …), or the parameter
     * @param message why it was rejected
     */
    public record FieldError(String field, String message) {
    }
}
