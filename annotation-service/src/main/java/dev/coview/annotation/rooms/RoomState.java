package dev.coview.annotation.rooms;

import dev.coview.annotation.rooms.AuthorHistory.Action;
import dev.coview.annotation.rooms.AuthorHistory.Change;
import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.AnnotationClientMessage.Clear;
import dev.coview.contracts.annotation.AnnotationClientMessage.Crop;
import dev.coview.contracts.annotation.AnnotationClientMessage.Erase;
import dev.coview.contracts.annotation.AnnotationClientMessage.Freeze;
import dev.coview.contracts.annotation.AnnotationClientMessage.Masks;
import dev.coview.contracts.annotation.AnnotationClientMessage.Pause;
import dev.coview.contracts.annotation.AnnotationClientMessage.Recording;
import dev.coview.contracts.annotation.AnnotationClientMessage.RecordingConsent;
import dev.coview.contracts.annotation.AnnotationClientMessage.RecordingRequest;
import dev.coview.contracts.annotation.AnnotationClientMessage.Redo;
import dev.coview.contracts.annotation.AnnotationClientMessage.ReferenceAnswer;
import dev.coview.contracts.annotation.AnnotationClientMessage.ReferencePush;
import dev.coview.contracts.annotation.AnnotationClientMessage.Shape;
import dev.coview.contracts.annotation.AnnotationClientMessage.Stroke;
import dev.coview.contracts.annotation.AnnotationClientMessage.Undo;
import dev.coview.contracts.annotation.AnnotationServerMessage;
import dev.coview.contracts.annotation.AnnotationServerMessage.ActiveRecording;
import dev.coview.contracts.annotation.AnnotationServerMessage.Event;
import dev.coview.contracts.annotation.AnnotationServerMessage.Frozen;
import dev.coview.contracts.annotation.AnnotationServerMessage.PendingReference;
import dev.coview.contracts.annotation.AnnotationServerMessage.ShareContent;
import dev.coview.contracts.annotation.ClearScope;
import dev.coview.contracts.annotation.Element;
import dev.coview.contracts.annotation.Shares;
import dev.coview.contracts.annotation.StrokePhase;
import dev.coview.contracts.annotation.StrokeTool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One room's state, materialized from its durable events in log order. Every instance reads the same partition in
 * the same order and applies the same rules, so every instance computes the same {@code seq} and the same state
 * without talking to the others. Not thread-safe: {@link Room} guards it.
 */
final class RoomState {

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
    private final Map<String, AuthorHistory> histories = new TreeMap<>();
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

    RoomState(Limits limits) {
        this.limits = limits;
    }

    /** Applies one event from the log; {@code null} when its id was seen already (a redelivery). */
    Applied apply(Event e) {
        if (!recentEventIds.add(e.eventId())) {
            return null;
        }
        if (recentEventIds.size() > limits.dedupeWindow()) {
            var it = recentEventIds.iterator();
            it.next();
            it.remove();
        }
        seq++;
        return new Applied(seq, applyMessage(e.eventId(), e.authorId(), e.event()));
    }

    /** The elements changed, or {@code null} when no element changed or clients apply the event as it is. */
    private List<Element> applyMessage(String eventId, String author, AnnotationClientMessage m) {
        if (m instanceof Stroke s) {
            return stroke(author, s);
        } else if (m instanceof Shape s) {
            return shape(author, s);
        } else if (m instanceof Erase x) {
            return erase(author, x);
        } else if (m instanceof Clear c) {
            return clear(author, c.scope());
        } else if (m instanceof Undo || m instanceof Redo) {
            return replay(author, m instanceof Undo);
        } else if (m instanceof Crop c) {
            shares.put(Shares.of(c.shareId()), share(c.shareId()).withCrop(c));
        } else if (m instanceof Masks x) {
            shares.put(Shares.of(x.shareId()), share(x.shareId()).withMasks(List.copyOf(x.rects())));
        } else if (m instanceof Pause p) {
            shares.put(Shares.of(p.shareId()), share(p.shareId()).withPaused(p.on()));
        } else if (m instanceof Freeze f) {
            freeze = f.on() ? new Frozen(author, f.snapshotId(), f.shareId()) : null;
        } else if (m instanceof ReferencePush p) {
            reference = new PendingReference(eventId, author, p.url());
        } else if (m instanceof ReferenceAnswer) {
            reference = null;
        } else if (m instanceof RecordingRequest r) {
            recordingAsked = r.requestId();
            recordingConsented = null;
        } else if (m instanceof RecordingConsent c && c.requestId().equals(recordingAsked)) {
            recordingAsked = null;
            recordingConsented = c.granted() ? c.requestId() : null;
        } else if (m instanceof Recording r) {
            recording(author, r);
        }
        // crop.request and snapshot.saved are news, not state; pointer traffic never reaches the log.
        return null;
    }

    /**
     * Starting uses up the customer's consent. A start without one changes nothing (the socket refuses it before the
     * log; this keeps every instance's state the same if two starts raced).
     */
    private void recording(String author, Recording r) {
        if (!r.on()) {
            recording = null;
        } else if (recordingConsented != null) {
            recording = new ActiveRecording(author, r.recordingId());
            recordingConsented = null;
        }
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

    private List<Element> stroke(String author, Stroke s) {
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

    private List<Element> shape(String author, Shape s) {
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
    private List<Element> erase(String author, Erase x) {
        MutableElement existing = elements.get(x.id());
        if (existing == null || existing.deleted) {
            return List.of();
        }
        existing.deleted = true;
        existing.version++;
        history(author).record(new Action(List.of(new Change(x.id(), false, null, true, null))));
        return List.of(existing.snapshot());
    }

    private List<Element> clear(String author, ClearScope scope) {
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

    private List<Element> replay(String author, boolean undo) {
        AuthorHistory h = histories.get(author);
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

    private AuthorHistory history(String author) {
        return histories.computeIfAbsent(author, a -> new AuthorHistory(limits.undoDepth()));
    }

    private ShareContent share(String shareId) {
        return shares.getOrDefault(Shares.of(shareId), NOT_SHARED);
    }

    /** The state a late joiner starts from. */
    AnnotationServerMessage.State snapshot() {
        List<Element> list = new ArrayList<>(elements.size());
        for (MutableElement el : elements.values()) {
            list.add(el.snapshot());
        }
        List<AnnotationServerMessage.AuthorHistory> history = new ArrayList<>();
        histories.forEach((author, h) -> history.add(
                new AnnotationServerMessage.AuthorHistory(author, h.undoDepth(), h.redoDepth())));
        // The customer's share where older clients read it; the others by shareId, absent while there are none.
        ShareContent customer = share(null);
        Map<String, ShareContent> others = new TreeMap<>(shares);
        others.remove(Shares.CUSTOMER);
        return new AnnotationServerMessage.State(seq, list, customer.crop(), customer.masks(), customer.paused(),
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
