package dev.coview.room.media.recordings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.events.RecordingReady;
import dev.coview.contracts.events.RecordingStarted;
import dev.coview.contracts.events.RecordingStopped;
import dev.coview.contracts.rooms.Problem;
import dev.coview.room.config.RoomConfig;
import dev.coview.room.media.BoundedBody;
import dev.coview.room.media.ContentChecks;
import dev.coview.room.media.MediaAuthor;
import dev.coview.room.media.MediaEvents;
import dev.coview.room.media.MediaQuota;
import dev.coview.room.media.Sha256;
import dev.coview.room.media.storage.MediaInfo;
import dev.coview.room.media.storage.MediaItems;
import dev.coview.room.media.storage.MediaKey;
import dev.coview.room.media.storage.MediaStore;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import dev.coview.room.rooms.Ids;
import dev.coview.support.auth.Participant;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Recordings of a room, uploaded by the recording client as numbered chunks while it records (so a closed tab loses
 * at most the chunk in flight). A chunk number is written once: the same bytes again are a harmless retry, other
 * bytes a conflict. Completing checks that chunks {@code 0..N-1} are all there, concatenates them in order into one
 * WebM file (MediaRecorder's chunks are consecutive pieces of one stream; the duration MediaRecorder cannot write is
 * added, {@link WebmDuration}) and publishes {@code recording.stopped} then {@code recording.ready}. Blocking (file
 * I/O): call from worker threads.
 */
@ApplicationScoped
public class RecordingService {

    /** A chunk as stored, and whether this call stored it (false: an identical retry). */
    public record StoredChunk(ChunkView chunk, boolean created) {
    }

    static final String VIDEO_WEBM = "video/webm";
    private static final String CHUNKS = "chunks";
    private static final String FILE = "recording.webm";
    private static final String CHUNK_SUFFIX = ".webm";

    /** Serializes chunk writes and completion of one recording within this instance. */
    private final Object[] locks = new Object[64];

    private final MediaStore store;
    private final RoomConfig.Storage limits;
    private final MediaItems<RecordingView> recordings;
    private final MediaEvents events;
    private final MediaQuota quota;
    private final RecordingsInProgress inProgress;

    public RecordingService(MediaStore store, RoomConfig config, ObjectMapper mapper, MediaEvents events,
                            MediaQuota quota, RecordingsInProgress inProgress) {
        this.inProgress = inProgress;
        this.store = store;
        this.quota = quota;
        this.limits = config.storage();
        this.recordings = new MediaItems<>(store, mapper, "recordings", RecordingView.class,
                Comparator.comparing(RecordingView::startedAt).thenComparing(RecordingView::recordingId));
        this.events = events;
        Arrays.setAll(locks, i -> new Object());
    }

    /** Creates a recording for {@code p}'s room and publishes {@code recording.started}. */
    public RecordingView create(Participant p) throws IOException {
        String recordingId = Ids.newId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        RecordingView view = new RecordingView(recordingId, p.roomId(), MediaAuthor.of(p), now,
                RecordingView.State.RECORDING, null, null, null, null,
                "/api/rooms/" + p.roomId() + "/recordings/" + recordingId);
        writeMeta(view);
        inProgress.active(p.roomId(), recordingId);
        events.recordingStarted(new RecordingStarted(p.roomId(), recordingId, p.id(), now));
        return view;
    }

    /**
     * Stores chunk {@code n}, streamed from {@code body} into the store (never held whole: the read past
     * {@link RoomConfig.Storage#chunkMaxSize()} fails with 413); throws {@link ProblemException} when refused.
     */
    public StoredChunk putChunk(String roomId, String recordingId, int n, InputStream body) throws IOException {
        if (n < 0 || n >= limits.maxChunks()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "chunk numbers go from 0 to " + (limits.maxChunks() - 1));
        }
        BoundedBody bounded = new BoundedBody(body, limits.chunkMaxSize().asLongValue(), "the chunk");
        BufferedInputStream in = new BufferedInputStream(bounded);
        in.mark(ContentChecks.EBML.length);
        byte[] start = in.readNBytes(ContentChecks.EBML.length);
        if (start.length == 0) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the chunk is empty");
        }
        if (n == 0 && !ContentChecks.isWebm(start)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA,
                    "chunk 0 must start a WebM stream (EBML header 1A 45 DF A3)");
        }
        in.reset();
        MessageDigest sha = Sha256.newDigest();
        DigestInputStream content = new DigestInputStream(in, sha);
        synchronized (lock(recordingId)) {
            RecordingView recording = require(roomId, recordingId);
            if (recording.state() != RecordingView.State.RECORDING) {
                throw new ProblemException(ProblemType.RECORDING_COMPLETED,
                        "recording " + recordingId + " is complete; it takes no more chunks");
            }
            MediaKey key = chunkKey(roomId, recordingId, n);
            boolean stored = store.putIfAbsent(key, content);
            // A chunk already stored was not read: the retry's bytes are hashed to compare them with it.
            content.transferTo(OutputStream.nullOutputStream());
            ChunkView chunk = new ChunkView(recordingId, n, bounded.count(), Sha256.hex(sha));
            if (stored) {
                chargeOrRemove(roomId, key, chunk.size());
                inProgress.active(roomId, recordingId);
                return new StoredChunk(chunk, true);
            }
            if (chunk.sha256().equals(storedSha256(key))) {
                return new StoredChunk(chunk, false);
            }
            throw new ProblemException(ProblemType.CHUNK_CONFLICT,
                    "chunk " + n + " of recording " + recordingId + " was already uploaded with other content");
        }
    }

    /**
     * Completes the recording with {@code chunkCount} chunks: assembles the file and publishes the events. Completing
     * a ready recording again with the same count answers it unchanged (a retried request).
     */
    public RecordingView complete(Participant p, String recordingId, int chunkCount) throws IOException {
        return complete(p.roomId(), p.id(), recordingId, chunkCount);
    }

    private RecordingView complete(String roomId, String participantId, String recordingId, int chunkCount)
            throws IOException {
        if (chunkCount > limits.maxChunks()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "a recording has at most " + limits.maxChunks() + " chunks");
        }
        synchronized (lock(recordingId)) {
            RecordingView recording = require(roomId, recordingId);
            if (recording.state() == RecordingView.State.READY) {
                if (recording.chunks() == chunkCount) {
                    return recording;
                }
                throw new ProblemException(ProblemType.RECORDING_COMPLETED,
                        "recording " + recordingId + " was completed with " + recording.chunks() + " chunks");
            }
            checkChunks(roomId, recordingId, chunkCount);
            events.recordingStopped(new RecordingStopped(roomId, recordingId, participantId, chunkCount,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS)));

            MessageDigest sha = Sha256.newDigest();
            long size;
            try (InputStream all = new DigestInputStream(withDuration(roomId, recordingId, chunkCount), sha)) {
                size = store.put(fileKey(roomId, recordingId), all);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            RecordingView ready = recording.ready(chunkCount, size, Sha256.hex(sha),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
            writeMeta(ready);
            inProgress.finished(roomId, recordingId);
            // The chunks are in the file now; keeping them would double the room's storage.
            store.delete(folder(roomId, recordingId).child(CHUNKS));
            events.recordingReady(new RecordingReady(roomId, recordingId, VIDEO_WEBM, size, ready.sha256(),
                    ready.readyAt()));
            return ready;
        }
    }

    /**
     * Finishes the recordings of {@code roomId} that received nothing since {@code cutoff} (the agent's tab closed
     * before completing): one with chunks from 0 on is completed with those (publishing recording.stopped and
     * recording.ready as if its author had completed it; chunks after a gap are dropped), one without chunk 0 is
     * removed. One idle since before {@code expired} is left to the retention sweep, which deletes it anyway.
     * Returns how many were finished.
     */
    public int finishAbandoned(String roomId, Instant cutoff, Instant expired) throws IOException {
        int finished = 0;
        for (RecordingView listed : list(roomId)) {
            if (listed.state() != RecordingView.State.RECORDING || !idleBetween(listed, expired, cutoff)) {
                continue;
            }
            synchronized (lock(listed.recordingId())) {
                RecordingView r = find(roomId, listed.recordingId()).orElse(null);
                if (r == null || r.state() != RecordingView.State.RECORDING || !idleBetween(r, expired, cutoff)) {
                    continue;
                }
                int contiguous = dropChunksAfterGap(roomId, r.recordingId());
                if (contiguous == 0) {
                    store.delete(folder(roomId, r.recordingId()));
                    inProgress.finished(roomId, r.recordingId());
                } else {
                    complete(roomId, r.startedBy().participantId(), r.recordingId(), contiguous);
                }
                finished++;
            }
        }
        return finished;
    }

    private boolean idleBetween(RecordingView r, Instant from, Instant to) throws IOException {
        Instant last = lastWrite(r);
        return last.isBefore(to) && !last.isBefore(from);
    }

    /** When the recording last received anything (its metadata or a chunk). */
    private Instant lastWrite(RecordingView r) throws IOException {
        Instant last = store.info(recordings.meta(r.roomId(), r.recordingId())).map(MediaInfo::lastModified)
                .orElse(r.startedAt());
        MediaKey chunks = folder(r.roomId(), r.recordingId()).child(CHUNKS);
        for (String name : store.list(chunks)) {
            Optional<MediaInfo> info = store.info(chunks.child(name));
            if (info.isPresent() && info.get().lastModified().isAfter(last)) {
                last = info.get().lastModified();
            }
        }
        return last;
    }

    /** Deletes (and gives back the quota of) the chunks after the first missing number; returns how many remain. */
    private int dropChunksAfterGap(String roomId, String recordingId) throws IOException {
        MediaKey chunks = folder(roomId, recordingId).child(CHUNKS);
        int expected = 0;
        for (String name : store.list(chunks)) {
            if (!name.endsWith(CHUNK_SUFFIX)) {
                continue;
            }
            int n = Integer.parseInt(name.substring(0, name.length() - CHUNK_SUFFIX.length()));
            if (n == expected) {
                expected++;
            } else {
                Optional<MediaInfo> info = store.info(chunks.child(name));
                store.delete(chunks.child(name));
                info.ifPresent(i -> quota.refund(roomId, i.size()));
            }
        }
        return expected;
    }

    /** The room's recordings, oldest first. */
    public List<RecordingView> list(String roomId) throws IOException {
        return recordings.list(roomId);
    }

    /** One recording of the room; empty when there is none. */
    public Optional<RecordingView> find(String roomId, String recordingId) throws IOException {
        return recordings.find(roomId, recordingId);
    }

    /** {@code length} bytes of a ready recording's file from {@code offset}. */
    public InputStream open(RecordingView recording, long offset, long length) throws IOException {
        return store.open(fileKey(recording.roomId(), recording.recordingId()), offset, length);
    }

    private RecordingView require(String roomId, String recordingId) throws IOException {
        return find(roomId, recordingId).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "no recording " + recordingId + " in this room"));
    }

    private void checkChunks(String roomId, String recordingId, int chunkCount) throws IOException {
        TreeSet<Integer> present = new TreeSet<>();
        for (String name : store.list(folder(roomId, recordingId).child(CHUNKS))) {
            if (name.endsWith(CHUNK_SUFFIX)) {
                present.add(Integer.parseInt(name.substring(0, name.length() - CHUNK_SUFFIX.length())));
            }
        }
        List<Integer> missing = IntStream.range(0, chunkCount).filter(i -> !present.contains(i)).boxed().toList();
        if (!missing.isEmpty()) {
            List<Problem.FieldError> errors = missing.stream()
                    .map(i -> new Problem.FieldError("chunks[" + i + "]", "not uploaded")).toList();
            throw new ProblemException(ProblemType.MISSING_CHUNKS,
                    "missing chunk(s) " + missing + " of 0.." + (chunkCount - 1), Map.of(), errors);
        }
        List<Integer> beyond = List.copyOf(present.tailSet(chunkCount));
        if (!beyond.isEmpty()) {
            throw new ProblemException(ProblemType.CHUNK_CONFLICT,
                    "chunk(s) " + beyond + " were uploaded beyond the " + chunkCount + " announced");
        }
    }

    /**
     * The chunks as one stream, with the WebM duration written into chunk 0 when it can be (see
     * {@link WebmDuration}: MediaRecorder's live WebM has none); as uploaded otherwise.
     */
    private InputStream withDuration(String roomId, String recordingId, int count) throws IOException {
        long last;
        try (InputStream all = concatenation(roomId, recordingId, 0, count)) {
            last = WebmDuration.lastBlockTime(all);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (last > 0) {
            byte[] first;
            try (InputStream in = store.open(chunkKey(roomId, recordingId, 0), 0, Long.MAX_VALUE)) {
                first = in.readAllBytes();
            }
            byte[] patched = WebmDuration.withDuration(first, last);
            if (patched != null) {
                return new SequenceInputStream(new ByteArrayInputStream(patched),
                        concatenation(roomId, recordingId, 1, count));
            }
        }
        return concatenation(roomId, recordingId, 0, count);
    }

    /** Chunks from..count-1 as one stream, each opened only when the previous one is used up. */
    private InputStream concatenation(String roomId, String recordingId, int from, int count) {
        Iterator<Integer> numbers = IntStream.range(from, count).iterator();
        Enumeration<InputStream> chunks = new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return numbers.hasNext();
            }

            @Override
            public InputStream nextElement() {
                MediaKey key = chunkKey(roomId, recordingId, numbers.next());
                try {
                    return store.open(key, 0, Long.MAX_VALUE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return new SequenceInputStream(chunks);
    }

    /** Counts a stored chunk against the quotas; a chunk that does not fit is not kept (507). */
    private void chargeOrRemove(String roomId, MediaKey key, long size) throws IOException {
        try {
            quota.charge(roomId, size);
        } catch (ProblemException full) {
            store.delete(key);
            throw full;
        }
    }

    /** SHA-256 of the stored file at {@code key}. */
    private String storedSha256(MediaKey key) throws IOException {
        MessageDigest sha = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(store.open(key, 0, Long.MAX_VALUE), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return Sha256.hex(sha);
    }

    private void writeMeta(RecordingView view) throws IOException {
        recordings.write(view.roomId(), view.recordingId(), view);
    }

    private Object lock(String recordingId) {
        return locks[Math.floorMod(recordingId.hashCode(), locks.length)];
    }

    private MediaKey folder(String roomId, String recordingId) {
        return recordings.folder(roomId, recordingId);
    }

    private MediaKey chunkKey(String roomId, String recordingId, int n) {
        return folder(roomId, recordingId).child(CHUNKS).child(String.format("%06d", n) + CHUNK_SUFFIX);
    }

    private MediaKey fileKey(String roomId, String recordingId) {
        return folder(roomId, recordingId).child(FILE);
    }
}
