/**
 * The room's drawings and laser pointers as annotation-service states them: the `state` message replaces
 * everything (on every connect), then each event's `changes` update elements (the highest version wins, so a
 * late or repeated event never undoes a newer one) and pointer events move or hide their author's pointer.
 * Nothing is drawn optimistically: what is shown is what the service accepted, so every participant (and a
 * late joiner) sees the same board. Live ink (`ink` events, volatile) shows another participant's stroke while
 * their pen still moves; the room's stroke with the same id replaces it, and ink that stops without one (the
 * author dropped, the stroke was refused) is gone after {@link LIVE_INK_MS}. Also counts this participant's
 * undo/redo steps for the toolbar. Pure.
 *
 * One instance follows one share's drawings and pointers ({@code share}; two-way sharing: the customer's or the
 * agent's, by each message's `shareId`, absent meaning the customer's): a page that shows both shares holds one per
 * share. The undo/redo counts cover every share, as annotation-service's history does.
 */
import type { Size } from '../crop/geometry';
import type { Ink } from '../generated/annotation';

/** Which share a drawing or pointer belongs to (the contract's `shareId`; absent: the customer's). */
export type ShareId = 'customer' | 'agent';

/** The share of a message's or drawable's `shareId`. */
export const shareOf = (m: { shareId?: ShareId }): ShareId => m.shareId ?? 'customer';
import type { AnnotationElement, ServerEvent, ServerState } from '../generated/annotation-server';
import type { Point } from './mapping';
import type { Drawable } from './model';
import { drawableFromWire, inkFromWire } from './wire';

/** Live ink not extended for this long, with no stroke of its id, is dropped (ms). */
export const LIVE_INK_MS = 5000;

interface LiveInk {
  authorId: string;
  /** The newest ink of the stroke: its style. */
  last: Ink;
  points: Point[];
  /** Local time of the newest ink, ms. */
  at: number;
}

/** Kinds of events that push one undoable step on their author's history (annotation-service's UndoHistory). */
const UNDOABLE = new Set(['stroke', 'shape', 'erase', 'clear']);

export class RoomDrawings {
  private readonly elements = new Map<string, AnnotationElement>();
  /** Local time each element was first seen, ms: vanishing ink fades from then. */
  private readonly seenAt = new Map<string, number>();
  private readonly pointerAt = new Map<string, Point>();
  /** Strokes being drawn by others, by element id, until the room's stroke arrives. */
  private readonly live = new Map<string, LiveInk>();
  private undoSteps = 0;
  private redoSteps = 0;
  private readonly listeners: (() => void)[] = [];

  constructor(readonly selfId: string, private readonly now: () => number, readonly share: ShareId = 'customer') {}

  applyState(s: ServerState): void {
    this.elements.clear();
    this.pointerAt.clear();
    this.live.clear();
    for (const el of s.elements) this.put(el);
    const mine = s.history.find((h) => h.authorId === this.selfId);
    this.undoSteps = mine?.undo ?? 0;
    this.redoSteps = mine?.redo ?? 0;
    this.changed();
  }

  applyEvent(e: ServerEvent): void {
    const ev = e.event;
    // A pointer moving onto the other share hides it here; pointer.hide carries no share and hides it anywhere.
    if (ev.type === 'pointer' && shareOf(ev) === this.share) this.pointerAt.set(e.authorId, { x: ev.x, y: ev.y });
    else if (ev.type === 'pointer') this.pointerAt.delete(e.authorId);
    else if (ev.type === 'pointer.hide') this.pointerAt.delete(e.authorId);
    else if (ev.type === 'ink' && shareOf(ev) === this.share) this.extendInk(e.authorId, ev);
    for (const el of e.changes ?? []) this.put(el);
    if (e.authorId === this.selfId) this.countHistory(ev.type, ev.type === 'stroke' ? ev.phase : undefined);
    this.changed();
  }

  /** Visible drawables, oldest first, with widths in pixels of this source. */
  drawables(source: Size): Drawable[] {
    const out: Drawable[] = [];
    for (const el of this.elements.values()) {
      const d = drawableFromWire(el, source, this.seenAt.get(el.id) ?? 0);
      if (d) out.push(d);
    }
    const now = this.now();
    for (const [id, ink] of this.live) {
      if (now - ink.at > LIVE_INK_MS) this.live.delete(id);
      // Still being drawn: it does not fade yet (vanishing ink fades from the finished stroke).
      else out.push(inkFromWire(ink.last, ink.authorId, ink.points, source, now));
    }
    return out;
  }

  has(id: string): boolean {
    return this.elements.has(id);
  }

  /** Laser pointers by author id, in normalized source coordinates. */
  pointers(): ReadonlyMap<string, Point> {
    return this.pointerAt;
  }

  /** Everybody else's laser pointers (this participant's own is drawn where it is, without the round trip). */
  othersPointers(): Point[] {
    return [...this.pointerAt].filter(([author]) => author !== this.selfId).map(([, position]) => position);
  }

  canUndo(): boolean {
    return this.undoSteps > 0;
  }

  canRedo(): boolean {
    return this.redoSteps > 0;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private extendInk(authorId: string, ink: Ink): void {
    // Ink that arrives after its stroke (the two travel different paths) has nothing to add.
    if (this.elements.has(ink.id)) return;
    const points: Point[] = [];
    for (let i = 0; i + 1 < ink.points.length; i += 2) points.push({ x: ink.points[i], y: ink.points[i + 1] });
    const known = this.live.get(ink.id);
    if (known && known.authorId !== authorId) return; // another author's id: not theirs to extend
    this.live.set(ink.id, { authorId, last: ink, points: known ? [...known.points, ...points] : points, at: this.now() });
  }

  private put(el: AnnotationElement): void {
    if (shareOf(el.drawable) !== this.share) return;
    const known = this.elements.get(el.id);
    if (known && known.version > el.version) return;
    this.live.delete(el.id);
    this.elements.set(el.id, el);
    if (!this.seenAt.has(el.id)) this.seenAt.set(el.id, this.now());
  }

  private countHistory(type: string, phase: string | undefined): void {
    // A stroke sent in parts is one step, recorded once (at begin).
    if (UNDOABLE.has(type) && (phase === undefined || phase === 'begin')) {
      this.undoSteps++;
      this.redoSteps = 0;
    } else if (type === 'undo' && this.undoSteps > 0) {
      this.undoSteps--;
      this.redoSteps++;
    } else if (type === 'redo' && this.redoSteps > 0) {
      this.redoSteps--;
      this.undoSteps++;
    }
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
