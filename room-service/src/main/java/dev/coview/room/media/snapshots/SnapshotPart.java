package dev.coview.room.media.snapshots;

import java.util.Optional;

/** The three files of a snapshot: the form field name, the stored file name and the media type. */
public enum SnapshotPart {
    /** The frozen frame as captured. */
    ORIGINAL("original", "original.png", "image/png"),
    /** The annotations drawn on it, as the annotation protocol's JSON. */
    ANNOTATIONS("annotations", "annotations.json", "application/json"),
    /** Frame and annotation overlay in one image. */
    FLATTENED("flattened", "flattened.png", "image/png");

    private final String field;
    private final String fileName;
    private final String mediaType;

    SnapshotPart(String field, String fileName, String mediaType) {
        this.field = field;
        this.fileName = fileName;
        this.mediaType = mediaType;
    }

    /** The multipart form field and the last path segment of its download URL. */
    public String field() {
        return field;
    }

    String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The part whose {@link #field()} is {@code field}. */
    public static Optional<SnapshotPart> byField(String field) {
        for (SnapshotPart p : values()) {
            if (p.field.equals(field)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
