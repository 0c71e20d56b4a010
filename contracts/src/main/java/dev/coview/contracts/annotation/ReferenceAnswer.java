package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The customer opened ({@code accepted}) or declined the pending reference. */
public record ReferenceAnswer(@JsonProperty(required = true) boolean accepted) implements AnnotationClientMessage {
    public static final String TYPE = "reference.answer";

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.referenceAnswer(this);
    }
}
