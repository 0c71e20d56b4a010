package dev.coview.annotation.rooms;

import dev.coview.annotation.rooms.UndoHistory.Action;
import dev.coview.annotation.rooms.UndoHistory.Change;
import dev.coview.contracts.annotation.RoomState;
import dev.coview.contracts.annotation.ActiveRecording;
import dev.coview.contracts.annotation.AuthorHistory;
import dev.coview.contracts.annotation.RoomEvent;
import dev.coview.contracts.annotation.Frozen;
import dev.coview.contracts.annotation.PendingReference;
import dev.coview.contracts.annotation.ShareContent;
import dev.coview.contracts.annotation.ClearScope;
import dev.coview.contracts.annotation.Crop;
import dev.coview.contracts.annotation.Element;
import dev.coview.contracts.annotation.Erase;
import dev.coview.contracts.annotation.Freeze;
import dev.coview.contracts.annotation.Masks;
import dev.coview.contracts.annotation.Pause;
import dev.coview.contracts.annotation.Recording;
import dev.coview.contracts.annotation.RecordingConsent;
import dev.coview.contracts.annotation.RecordingRequest;
import dev.coview.contracts.annotation.ReferencePush;
import dev.coview.contracts.annotation.Shape;
import dev.coview.contracts.annotation.Shares;
import dev.coview.contracts.annotation.Stroke;
import dev.coview.contracts.annotation.StrokePhase;
import dev.coview.contracts.annotation.StrokeTool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One room's annotation model, materialized from its durable events in log order (what a late joiner receives of it
 * is the wire's {@link RoomState}). Every instance reads the same partition in the same order
 * and applies the same rules, so every instance computes the same {@code seq} and the same model without talking
 * to the others. Not thread-safe: {@link Room} guards it.
 */
public final class RoomModel {

    /**
     * Limits that change the outcome of events: they must be the same on every instance.
     *
     * @param maxPoints points the room's strokes may hold in all
     * @param maxBytes  estimated bytes the room's elements may take ({@link Cost})
     */
    record Limits(int undoDepth, int dedupeWindow, int maxPointsPerStroke, int maxElements, long maxPoints,
                  long maxBytes) {
    }

    /** An applied event: its {@code seq} and the elements it changed ({@code null}: the client applies it as is). */
    record Applied(long seq, List<Element> changes) {
    }

    private static final ShareContent NOT_SHARED = new ShareContent(null, List.of(), false);

    private final Limits limits;
    private long seq;
    private final LinkedHashMap<String, MutableElement> elements = new LinkedHashMap<>();
    /** Sorted by author so that {@code history} in the state is the same on every instance. */
    private final Map<String, UndoHistory> histories = new TreeMap<>();
    private final LinkedHashSet<String> recentEventIds = new LinkedHashSet<>();
    /** Each share's crop, masks and pause, by {@link Shares#of share}; sorted so every instance states them alike. */
    private final Map<String, ShareContent> shares = new TreeMap<>();
    private Frozen freeze;
    private PendingReference reference;
    /** The agent's unanswered recording.request, by its requestId; {@code null} when none. */
    private String recordingAsked;
    /** The request the customer consented to and no recording has used yet; one consent, one recording. */
    private String recordingConsented;
    private ActiveRecording recording;
    /** What the elements hold: their count (the map's size), points and estimated bytes; never decreases. */
    private Cost held = Cost.NONE;

    RoomModel(Limits limits) {
        this.limits = limits;
    }

    /**
     * Applies one event from the log with its type's {@code change}; {@code null} when its id was seen already (a
     * redelivery).
     */
    Applied apply(RoomEvent e, StateChange change) {
        if (!recentEventIds.add(e.eventId())) {
            return null;
        }
        if (recentEventIds.size() > limits.dedupeWindow()) {
            var it = recentEventIds.iterator();
            it.next();
            it.remove();
        }
        seq++;
        return new Applied(seq, change.apply(this, e.eventId(), e.authorId()));
    }

    // What each kind of event does to the room. Each returns the elements it changed, or {@code null} when no
    // element changed or clients apply the event as it is; the per-type rules (annotation-service's rules package)
    // choose which one an event calls. Called only through apply(), under the Room's monitor.

    /** A share's crop, from its own sharer (the grant was checked before the log). */
    public List<Element> crop(Crop c) {
        shares.put(Shares.of(c.shareId()), share(c.shareId()).withCrop(c));
        return null;
    }

    /** A share's privacy masks, the whole list. */
    public List<Element> masks(Masks m) {
        shares.put(Shares.of(m.shareId()), share(m.shareId()).withMasks(List.copyOf(m.rects())));
        return null;
    }

    /** A share paused or resumed. */
    public List<Element> pause(Pause p) {
        shares.put(Shares.of(p.shareId()), share(p.shareId()).withPaused(p.on()));
        return null;
    }

    /** The shared frame frozen by {@code author} (with its snapshot once uploaded) or unfrozen. */
    public List<Element> freeze(String author, Freeze f) {
        freeze = f.on() ? new Frozen(author, f.snapshotId(), f.shareId()) : null;
        return null;
    }

    /** A pushed link, pending until the customer answers ({@code eventId} names it). */
    public List<Element> referencePushed(String eventId, String author, ReferencePush p) {
        reference = new PendingReference(eventId, author, p.url());
        return null;
    }

    /** The customer answered the pending link. */
    public List<Element> referenceAnswered() {
        reference = null;
        return null;
    }

    /** The agent asked for consent to record; an earlier unused consent is withdrawn (one consent, one question). */
    public List<Element> recordingRequested(RecordingRequest r) {
        recordingAsked = r.requestId();
        recordingConsented = null;
        return null;
    }

    /** The customer's answer: counts only for the request pending now. */
    public List<Element> recordingAnswered(RecordingConsent c) {
        if (c.requestId().equals(recordingAsked)) {
            recordingAsked = null;
            recordingConsented = c.granted() ? c.requestId() : null;
        }
        return null;
    }

    /**
     * Starting uses up the customer's consent. A start without one changes nothing (the socket refuses it before the
     * log; this keeps every instance's state the same if two starts raced).
     */
    public List<Element> recording(String author, Recording r) {
        if (!r.on()) {
            recording = null;
        } else if (recordingConsented != null) {
            recording = new ActiveRecording(author, r.recordingId());
            recordingConsented = null;
        }
        return null;
    }

    /** The running recording, {@code null} when none. */
    ActiveRecording recording() {
        return recording;
    }

    /** The agent's unanswered recording request, {@code null} when none. */
    String recordingAsked() {
        return recordingAsked;
    }

    /** Whether the customer consented to a recording that has not started yet. */
    boolean recordingConsented() {
        return recordingConsented != null;
    }

    /**
     * Whether the room can take {@code cost} on top of what it holds and of {@code reserved} (events accepted on
     * this instance and not yet read back from the log). Erased elements count: an undo can bring them back.
     */
    boolean fits(Cost cost, Cost reserved) {
        Cost after = held.plus(reserved).plus(cost);
        return cost.isNone() || after.elements() <= limits.maxElements() && after.points() <= limits.maxPoints()
                && after.bytes() <= limits.maxBytes();
    }

    /** Estimated bytes the elements take ({@link Cost}). */
    long bytes() {
        return held.bytes();
    }

    /** Whether {@code elementId} is an element of the room (erased or not). */
    boolean has(String elementId) {
        return elements.containsKey(elementId);
    }

    /** Takes {@code cost} if the room has room for it. */
    private boolean take(Cost cost) {
        if (!fits(cost, Cost.NONE)) {
            return false;
        }
        held = held.plus(cost);
        return true;
    }

    /** A stroke drawn whole or in parts; vanishing ink and strokes over the budget are never kept. */
    public List<Element> stroke(String author, Stroke s) {
        MutableElement existing = elements.get(s.id());
        if (s.phase() == null || s.phase() == StrokePhase.BEGIN) {
            if (existing != null || s.tool() == StrokeTool.VANISH || !take(Cost.of(s, true))) {
                // Vanishing ink fades by itself on every client: relayed, never kept. Over the budget: refused
                // before the log by the instance that accepted it, unless two instances raced.
                return List.of();
            }
            MutableElement created = MutableElement.stroke(author, s, s.phase() == StrokePhase.BEGIN);
            elements.put(s.id(), created);
            history(author).record(new Action(List.of(new Change(s.id(), true, null, false, null))));
            return List.of(created.snapshot());
        }
        if (existing == null || !existing.open || !existing.authorId.equals(author)
                || existing.pointNumbers() + s.points().length > 2L * limits.maxPointsPerStroke()
                || !take(Cost.of(s, false))) {
            return List.of();
        }
        existing.append(s.points());
        if (s.phase() == StrokePhase.END) {
            existing.open = false;
            existing.trim();
        }
        // Clients append the event's points themselves: no copy of a growing stroke per append.
        return null;
    }

    /** A shape drawn, or replaced by its author (a move or an edit). */
    public List<Element> shape(String author, Shape s) {
        MutableElement existing = elements.get(s.id());
        if (existing == null) {
            if (!take(Cost.of(s, true))) {
                return List.of();
            }
            MutableElement created = MutableElement.shape(author, s);
            elements.put(s.id(), created);
            history(author).record(new Action(List.of(new Change(s.id(), true, null, false, null))));
            return List.of(created.snapshot());
        }
        if (!existing.authorId.equals(author) || existing.isStroke() || !take(Cost.of(s, false))) {
            return List.of();
        }
        Change change = new Change(s.id(), existing.deleted, existing.drawable, false, s);
        existing.drawable = s;
        existing.deleted = false;
        existing.version++;
        history(author).record(new Action(List.of(change)));
        return List.of(existing.snapshot());
    }

    /** Who may erase was checked when the event was accepted (own elements, or anybody's with admin). */
    public List<Element> erase(String author, Erase x) {
        MutableElement existing = elements.get(x.id());
        if (existing == null || existing.deleted) {
            return List.of();
        }
        existing.deleted = true;
        existing.version++;
        history(author).record(new Action(List.of(new Change(x.id(), false, null, true, null))));
        return List.of(existing.snapshot());
    }

    /** Deletes the author's elements, or everybody's ({@code all}), as one undoable action. */
    public List<Element> clear(String author, ClearScope scope) {
        List<Change> done = new ArrayList<>();
        List<Element> changed = new ArrayList<>();
        for (MutableElement el : elements.values()) {
            if (!el.deleted && (scope == ClearScope.ALL || el.authorId.equals(author))) {
                el.deleted = true;
                el.version++;
                done.add(new Change(el.id, false, null, true, null));
                changed.add(el.snapshot());
            }
        }
        if (!done.isEmpty()) {
            history(author).record(new Action(List.copyOf(done)));
        }
        return changed;
    }

    /** Undoes ({@code undo}) or redoes the author's last action; a new version of each element it touched. */
    public List<Element> replay(String author, boolean undo) {
        UndoHistory h = histories.get(author);
        Action action = h == null ? null : undo ? h.undo() : h.redo();
        if (action == null) {
            return List.of();
        }
        List<Element> changed = new ArrayList<>();
        List<Change> steps = action.changes();
        for (int i = 0; i < steps.size(); i++) {
            Change c = steps.get(undo ? steps.size() - 1 - i : i);
            MutableElement el = elements.get(c.elementId());
            if (el == null) {
                continue;
            }
            el.deleted = undo ? c.deletedBefore() : c.deletedAfter();
            var drawable = undo ? c.before() : c.after();
            if (drawable != null) {
                el.drawable = drawable;
            }
            el.open = false;
            el.version++;
            changed.add(el.snapshot());
        }
        return changed;
    }

    private UndoHistory history(String author) {
        return histories.computeIfAbsent(author, a -> new UndoHistory(limits.undoDepth()));
    }

    private ShareContent share(String shareId) {
        return shares.getOrDefault(Shares.of(shareId), NOT_SHARED);
    }

    /** The state a late joiner starts from. */
    RoomState snapshot() {
        List<Element> list = new ArrayList<>(elements.size());
        for (MutableElement el : elements.values()) {
            list.add(el.snapshot());
        }
        List<AuthorHistory> history = new ArrayList<>();
        histories.forEach((author, h) -> history.add(
                new AuthorHistory(author, h.undoDepth(), h.redoDepth())));
        // The customer's share where older clients read it; the others by shareId, absent while there are none.
        ShareContent customer = share(null);
        Map<String, ShareContent> others = new TreeMap<>(shares);
        others.remove(Shares.CUSTOMER);
        return new RoomState(seq, list, customer.crop(), customer.masks(), customer.paused(),
                freeze, reference, history, recording, others.isEmpty() ? null : others);
    }

    long seq() {
        return seq;
    }

    /** Author of an element, or {@code null} when the room has no element with that id. */
    String authorOf(String elementId) {
        MutableElement el = elements.get(elementId);
        return el == null ? null : el.authorId;
    }

    PendingReference reference() {
        return reference;
    }
}
