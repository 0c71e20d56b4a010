package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A frozen frame: who froze it, the snapshot shown once uploaded (absent until then), and of which share
 * (absent: the customer's).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Frozen(String authorId, String snapshotId, String shareId) {

    /** A frame of the customer's share. */
    public Frozen(String authorId, String snapshotId) {
        this(authorId, snapshotId, null);
    }
}
