/**
 * The room's drawings and laser pointers as annotation-service states them: the `state` message replaces
 * everything (on every connect), then each event's `changes` update elements (the highest version wins, so a
 * late or repeated event never undoes a newer one) and pointer events move or hide their author's pointer.
 * Nothing is drawn optimistically: what is shown is what the service accepted, so every participant (and a
 * late joiner) sees the same board. Also counts this participant's undo/redo steps for the toolbar. Pure.
 */
import type { Size } from '../crop/geometry';
import type { AnnotationElement, ServerEvent, ServerState } from '../generated/annotation-server';
import type { Point } from './mapping';
import type { Drawable } from './model';
import { drawableFromWire } from './wire';

/** Kinds of events that push one undoable step on their author's history (annotation-service's AuthorHistory). */
const UNDOABLE = new Set(['stroke', 'shape', 'erase', 'clear']);

export class RoomDrawings {
  private readonly elements = new Map<string, AnnotationElement>();
  /** Local time each element was first seen, ms: vanishing ink fades from then. */
  private readonly seenAt = new Map<string, number>();
  private readonly pointerAt = new Map<string, Point>();
  private undoSteps = 0;
  private redoSteps = 0;
  private readonly listeners: (() => void)[] = [];

  constructor(readonly selfId: string, private readonly now: () => number) {}

  applyState(s: ServerState): void {
    this.elements.clear();
    this.pointerAt.clear();
    for (const el of s.elements) this.put(el);
    const mine = s.history.find((h) => h.authorId === this.selfId);
    this.undoSteps = mine?.undo ?? 0;
    this.redoSteps = mine?.redo ?? 0;
    this.changed();
  }

  applyEvent(e: ServerEvent): void {
    const ev = e.event;
    if (ev.type === 'pointer') this.pointerAt.set(e.authorId, { x: ev.x, y: ev.y });
    else if (ev.type === 'pointer.hide') this.pointerAt.delete(e.authorId);
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
    return out;
  }

  has(id: string): boolean {
    return this.elements.has(id);
  }

  /** Laser pointers by author id, in normalized source coordinates. */
  pointers(): ReadonlyMap<string, Point> {
    return this.pointerAt;
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

  private put(el: AnnotationElement): void {
    const known = this.elements.get(el.id);
    if (known && known.version > el.version) return;
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
