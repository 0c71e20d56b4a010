package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The agent saved an annotated snapshot (stored by room-service under {@code snapshotId}). */
public record SnapshotNotice(@JsonProperty(required = true) String snapshotId) implements AnnotationClientMessage {
    public static final String TYPE = "snapshot.saved";

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.snapshotNotice(this);
    }
}
