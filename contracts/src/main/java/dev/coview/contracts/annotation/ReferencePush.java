package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The agent offers the customer a link (http or https, maybe restricted to an allowlist of domains). */
public record ReferencePush(@JsonProperty(required = true) String url) implements AnnotationClientMessage {
    public static final String TYPE = "reference.push";

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.referencePush(this);
    }
}
