package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Deletes one element: one's own, or anybody's with grant {@code admin}. */
public record Erase(@JsonProperty(required = true) String id) implements AnnotationClientMessage {
    public static final String TYPE = "erase";

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.erase(this);
    }
}
