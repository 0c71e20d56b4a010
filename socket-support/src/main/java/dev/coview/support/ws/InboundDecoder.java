package dev.coview.support.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.core.JsonParseException;

/**
 * Turns one inbound text frame into a message of a socket's sealed type in a single pass, and classifies what
 * went wrong the way the protocol prescribes: not JSON → close 1007; unknown {@code type} → {@code error
 * unknown-type}, socket stays open; wrong fields → {@code error invalid-message}, socket stays open.
 *
 * @param <T> the socket's sealed inbound message interface (Jackson type info on {@code type})
 */
public final class InboundDecoder<T> {

    /** The outcome of decoding one frame. */
    public sealed interface Result<T> {
        /** A well-formed message. */
        record Ok<T>(T message) implements Result<T> {
        }

        /** Not JSON at all (or not an object): the socket is closed with 1007. */
        record Malformed<T>(String reason) implements Result<T> {
        }

        /** JSON with a {@code type} this socket does not know, or none. */
        record UnknownType<T>(String type) implements Result<T> {
        }

        /** A known type with missing, mistyped or out-of-range fields. */
        record Invalid<T>(String reason) implements Result<T> {
        }
    }

    private final ObjectReader reader;

    public InboundDecoder(ObjectMapper mapper, Class<T> type) {
        this.reader = mapper.readerFor(type)
                // A number where a string is expected, 1.5 for an int, null for a primitive: all invalid.
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Newer clients may add fields; that is not an error.
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public Result<T> decode(String text) {
        if (!startsAnObject(text)) {
            // Jackson would read [typeId, {...}] as a typed value; the protocol only has objects.
            return new Result.Malformed<>("not a JSON object");
        }
        try {
            T message = reader.readValue(text);
            if (message == null) {
                return new Result.Malformed<>("empty frame");
            }
            return new Result.Ok<>(message);
        } catch (JsonParseException e) {
            return new Result.Malformed<>("not valid JSON");
        } catch (InvalidTypeIdException e) {
            return new Result.UnknownType<>(e.getTypeId());
        } catch (MismatchedInputException e) {
            if (e.getTargetType() == null && e.getPath().isEmpty()) {
                return new Result.Malformed<>("not a JSON object");
            }
            return new Result.Invalid<>(describe(e));
        } catch (JsonProcessingException e) {
            // Constructor validation (IllegalArgumentException wrapped by Jackson) lands here.
            return new Result.Invalid<>(describe(e));
        }
    }

    private static boolean startsAnObject(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    /**
     * A reason a client can act on, in our words: the validation message a record's constructor gave, or the field
     * that was wrong. Never Jackson's own text, which names Java classes and settings.
     */
    private static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            return iae.getMessage().lines().findFirst().orElse("invalid message");
        }
        String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? path(m) : "";
        if (field.isEmpty()) {
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            return original.contains("Trailing token") ? "unexpected data after the JSON object" : "invalid message";
        }
        return "missing or invalid value for '" + field + "'";
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

}
