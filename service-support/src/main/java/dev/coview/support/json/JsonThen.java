package dev.coview.support.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;

/**
 * Writes a value as JSON at the start of a reactive step: a value Jackson cannot write fails the step's {@link Uni}
 * (as the caller's other failures do) instead of throwing Jackson's checked exception at the caller. The JSON is
 * written at once, on the calling thread, and handed to the step without an extra {@link Uni} in between.
 */
public final class JsonThen {

    private JsonThen() {
    }

    /** {@code step} applied to {@code value} as JSON, or a failed {@link Uni} when it cannot be written. */
    public static <T> Uni<T> write(ObjectWriter writer, Object value, Function<String, Uni<T>> step) {
        String json;
        try {
            json = writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return step.apply(json);
    }
}
