package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Deletes the sender's elements ({@code own}) or everybody's ({@code all}, grant {@code admin}). */
public record Clear(@JsonProperty(required = true) ClearScope scope) implements AnnotationClientMessage {
    public static final String TYPE = "clear";

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.clear(this);
    }
}
