package dev.coview.room.media.snapshots;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.events.SnapshotSaved;
import dev.coview.contracts.rooms.Problem;
import dev.coview.room.config.RoomConfig;
import dev.coview.room.media.ContentChecks;
import dev.coview.room.media.MediaAuthor;
import dev.coview.room.media.MediaEvents;
import dev.coview.room.media.MediaQuota;
import dev.coview.room.media.Sha256;
import dev.coview.room.media.storage.MediaItems;
import dev.coview.room.media.storage.MediaKey;
import dev.coview.room.media.storage.MediaStore;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import dev.coview.room.rooms.Ids;
import dev.coview.support.auth.Participant;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Snapshots of a room: checks an upload's three parts (present, within the size limits, declared and really of
 * their type), stores them with their SHA-256 computed here, and publishes {@code snapshot.saved}. A snapshot is
 * listed once its {@code meta.json} is written, which happens after its parts: a half-stored snapshot is never
 * listed. Blocking (file I/O): call from worker threads.
 */
@ApplicationScoped
public class SnapshotService {

    /** One uploaded part as the HTTP layer received it. */
    public record Upload(Path file, String declaredType, long size) {
    }

    private final MediaStore store;
    private final RoomConfig.Storage limits;
    private final MediaItems<SnapshotView> snapshots;
    private final MediaEvents events;
    private final MediaQuota quota;

    public SnapshotService(MediaStore store, RoomConfig config, ObjectMapper mapper, MediaEvents events,
                           MediaQuota quota) {
        this.quota = quota;
        this.store = store;
        this.limits = config.storage();
        this.snapshots = new MediaItems<>(store, mapper, "snapshots", SnapshotView.class,
                Comparator.comparing(SnapshotView::createdAt).thenComparing(SnapshotView::snapshotId));
        this.events = events;
    }

    /** Checks and stores a snapshot by {@code author}; throws {@link ProblemException} when the upload is refused. */
    public SnapshotView save(Participant author, Map<SnapshotPart, Upload> parts) throws IOException {
        check(parts);
        long total = parts.values().stream().mapToLong(Upload::size).sum();
        quota.charge(author.roomId(), total);
        try {
            return store(author, parts);
        } catch (IOException | RuntimeException e) {
            quota.refund(author.roomId(), total);
            throw e;
        }
    }

    private SnapshotView store(Participant author, Map<SnapshotPart, Upload> parts) throws IOException {
        String snapshotId = Ids.newId();
        MediaKey folder = snapshots.folder(author.roomId(), snapshotId);
        Map<SnapshotPart, String> hashes = new EnumMap<>(SnapshotPart.class);
        Map<SnapshotPart, Long> sizes = new EnumMap<>(SnapshotPart.class);
        for (SnapshotPart part : SnapshotPart.values()) {
            MessageDigest sha = Sha256.newDigest();
            try (InputStream in = new DigestInputStream(Files.newInputStream(parts.get(part).file()), sha)) {
                sizes.put(part, store.put(folder.child(part.fileName()), in));
            }
            hashes.put(part, Sha256.hex(sha));
        }
        String base = "/api/rooms/" + author.roomId() + "/snapshots/" + snapshotId + "/";
        SnapshotView view = new SnapshotView(snapshotId, author.roomId(), MediaAuthor.of(author),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                perPart(hashes), perPart(sizes),
                new SnapshotView.PerPart<>(base + "original", base + "flattened", base + "annotations"));
        snapshots.write(author.roomId(), snapshotId, view);
        events.snapshotSaved(new SnapshotSaved(author.roomId(), author.id(), snapshotId));
        return view;
    }

    /** The room's snapshots, oldest first. */
    public List<SnapshotView> list(String roomId) throws IOException {
        return snapshots.list(roomId);
    }

    /** One snapshot of the room; empty when there is none (or it is still being stored). */
    public Optional<SnapshotView> find(String roomId, String snapshotId) throws IOException {
        return snapshots.find(roomId, snapshotId);
    }

    /** {@code length} stored bytes of one part from {@code offset}. */
    public InputStream open(SnapshotView snapshot, SnapshotPart part, long offset, long length) throws IOException {
        return store.open(snapshots.folder(snapshot.roomId(), snapshot.snapshotId()).child(part.fileName()),
                offset, length);
    }

    private void check(Map<SnapshotPart, Upload> parts) throws IOException {
        List<Problem.FieldError> missing = new ArrayList<>();
        for (SnapshotPart part : SnapshotPart.values()) {
            if (parts.get(part) == null) {
                missing.add(new Problem.FieldError(part.field(), "missing: send it as a file part of type "
                        + part.mediaType()));
            }
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, missing.size() + " part(s) missing", Map.of(),
                    missing);
        }
        for (SnapshotPart part : SnapshotPart.values()) {
            Upload u = parts.get(part);
            long max = (part == SnapshotPart.ANNOTATIONS ? limits.snapshotAnnotationsMaxSize()
                    : limits.snapshotImageMaxSize()).asLongValue();
            if (u.size() > max) {
                throw new ProblemException(ProblemType.TOO_LARGE,
                        "part '" + part.field() + "' has " + u.size() + " bytes; at most " + max + " are allowed");
            }
            if (!part.mediaType().equals(baseType(u.declaredType()))) {
                throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA,
                        "part '" + part.field() + "' must be " + part.mediaType() + ", not " + u.declaredType());
            }
        }
        for (SnapshotPart part : List.of(SnapshotPart.ORIGINAL, SnapshotPart.FLATTENED)) {
            if (!ContentChecks.isPng(parts.get(part).file())) {
                throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA,
                        "part '" + part.field() + "' is not a PNG image (no PNG signature)");
            }
        }
        if (!ContentChecks.isJson(parts.get(SnapshotPart.ANNOTATIONS).file())) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "part 'annotations' is not well-formed JSON");
        }
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static <T> SnapshotView.PerPart<T> perPart(Map<SnapshotPart, T> values) {
        return new SnapshotView.PerPart<>(values.get(SnapshotPart.ORIGINAL), values.get(SnapshotPart.FLATTENED),
                values.get(SnapshotPart.ANNOTATIONS));
    }
}
