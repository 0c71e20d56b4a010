package dev.coview.room.media.recordings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.events.RecordingReady;
import dev.coview.contracts.events.RecordingStarted;
import dev.coview.contracts.events.RecordingStopped;
import dev.coview.contracts.rooms.Problem;
import dev.coview.room.config.RoomConfig;
import dev.coview.room.media.ContentChecks;
import dev.coview.room.media.MediaAuthor;
import dev.coview.room.media.MediaEvents;
import dev.coview.room.media.Sha256;
import dev.coview.room.media.storage.MediaInfo;
import dev.coview.room.media.storage.MediaKey;
import dev.coview.room.media.storage.MediaStore;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import dev.coview.room.rooms.Ids;
import dev.coview.support.auth.Participant;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
    private static final String FOLDER = "recordings";
    private static final String META = "meta.json";
    private static final String CHUNKS = "chunks";
    private static final String FILE = "recording.webm";
    private static final String CHUNK_SUFFIX = ".webm";

    /** Serializes chunk writes and completion of one recording within this instance. */
    private final Object[] locks = new Object[64];

    private final MediaStore store;
    private final RoomConfig.Storage limits;
    private final ObjectMapper mapper;
    private final MediaEvents events;

    public RecordingService(MediaStore store, RoomConfig config, ObjectMapper mapper, MediaEvents events) {
        this.store = store;
        this.limits = config.storage();
        this.mapper = mapper;
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
        events.recordingStarted(new RecordingStarted(p.roomId(), recordingId, p.id(), now));
        return view;
    }

    /** Stores chunk {@code n}; throws {@link ProblemException} when refused. */
    public StoredChunk putChunk(String roomId, String recordingId, int n, byte[] body) throws IOException {
        if (n < 0 || n >= limits.maxChunks()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "chunk numbers go from 0 to " + (limits.maxChunks() - 1));
        }
        long max = limits.chunkMaxSize().asLongValue();
        if (body.length > max) {
            throw new ProblemException(ProblemType.TOO_LARGE,
                    "the chunk has " + body.length + " bytes; at most " + max + " are allowed");
        }
        if (body.length == 0) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the chunk is empty");
        }
        if (n == 0 && !ContentChecks.isWebm(body)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA,
                    "chunk 0 must start a WebM stream (EBML header 1A 45 DF A3)");
        }
        synchronized (lock(recordingId)) {
            RecordingView recording = require(roomId, recordingId);
            if (recording.state() != RecordingView.State.RECORDING) {
                throw new ProblemException(ProblemType.RECORDING_COMPLETED,
                        "recording " + recordingId + " is complete; it takes no more chunks");
            }
            MediaKey key = chunkKey(roomId, recordingId, n);
            String sha256 = Sha256.of(body);
            ChunkView chunk = new ChunkView(recordingId, n, body.length, sha256);
            if (store.putIfAbsent(key, new ByteArrayInputStream(body))) {
                return new StoredChunk(chunk, true);
            }
            if (sameBytes(key, body)) {
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
        if (chunkCount > limits.maxChunks()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "a recording has at most " + limits.maxChunks() + " chunks");
        }
        synchronized (lock(recordingId)) {
            RecordingView recording = require(p.roomId(), recordingId);
            if (recording.state() == RecordingView.State.READY) {
                if (recording.chunks() == chunkCount) {
                    return recording;
                }
                throw new ProblemException(ProblemType.RECORDING_COMPLETED,
                        "recording " + recordingId + " was completed with " + recording.chunks() + " chunks");
            }
            checkChunks(p.roomId(), recordingId, chunkCount);
            events.recordingStopped(new RecordingStopped(p.roomId(), recordingId, p.id(), chunkCount,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS)));

            MessageDigest sha = Sha256.newDigest();
            long size;
            try (InputStream all = new DigestInputStream(withDuration(p.roomId(), recordingId, chunkCount), sha)) {
                size = store.put(fileKey(p.roomId(), recordingId), all);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            RecordingView ready = recording.ready(chunkCount, size, Sha256.hex(sha),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
            writeMeta(ready);
            // The chunks are in the file now; keeping them would double the room's storage.
            store.delete(folder(p.roomId(), recordingId).child(CHUNKS));
            events.recordingReady(new RecordingReady(p.roomId(), recordingId, VIDEO_WEBM, size, ready.sha256(),
                    ready.readyAt()));
            return ready;
        }
    }

    /** The room's recordings, oldest first. */
    public List<RecordingView> list(String roomId) throws IOException {
        List<RecordingView> all = new ArrayList<>();
        for (String id : store.list(MediaKey.room(roomId).child(FOLDER))) {
            if (MediaKey.isId(id)) {
                find(roomId, id).ifPresent(all::add);
            }
        }
        all.sort(Comparator.comparing(RecordingView::startedAt).thenComparing(RecordingView::recordingId));
        return all;
    }

    /** One recording of the room; empty when there is none. */
    public Optional<RecordingView> find(String roomId, String recordingId) throws IOException {
        MediaKey meta = folder(roomId, recordingId).child(META);
        Optional<MediaInfo> info = store.info(meta);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = store.open(meta, 0, info.get().size())) {
            return Optional.of(mapper.readValue(in, RecordingView.class));
        }
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

    private boolean sameBytes(MediaKey key, byte[] body) throws IOException {
        Optional<MediaInfo> info = store.info(key);
        if (info.isEmpty() || info.get().size() != body.length) {
            return false;
        }
        try (InputStream in = store.open(key, 0, body.length)) {
            return Arrays.equals(in.readAllBytes(), body);
        }
    }

    private void writeMeta(RecordingView view) throws IOException {
        store.put(folder(view.roomId(), view.recordingId()).child(META),
                new ByteArrayInputStream(mapper.writeValueAsBytes(view)));
    }

    private Object lock(String recordingId) {
        return locks[Math.floorMod(recordingId.hashCode(), locks.length)];
    }

    private static MediaKey folder(String roomId, String recordingId) {
        return MediaKey.room(roomId).child(FOLDER).child(recordingId);
    }

    private static MediaKey chunkKey(String roomId, String recordingId, int n) {
        return folder(roomId, recordingId).child(CHUNKS).child(String.format("%06d", n) + CHUNK_SUFFIX);
    }

    private static MediaKey fileKey(String roomId, String recordingId) {
        return folder(roomId, recordingId).child(FILE);
    }
}
