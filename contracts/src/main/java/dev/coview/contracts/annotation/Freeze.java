package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The agent froze the shared frame (with the snapshot both sides show, once uploaded) or unfroze it. */
public record Freeze(@JsonProperty(required = true) boolean on, String snapshotId, String shareId)
        implements AnnotationClientMessage, Shares.OnShare {
    public static final String TYPE = "freeze";

    /** Of the customer's share. */
    public Freeze(boolean on, String snapshotId) {
        this(on, snapshotId, null);
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.freeze(this);
    }
}
