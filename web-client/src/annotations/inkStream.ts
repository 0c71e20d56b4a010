/**
 * Live ink out: while a freehand draft grows, the points it gained since the previous chunk go out as one `ink`
 * message per animation frame, and never more often than every {@link INK_MIN_GAP_MS} (a 144 Hz screen must not
 * spend the socket's message budget). The whole stroke still goes out when the pen lifts; these chunks only let
 * the others watch it being drawn. Pure apart from the scheduler and the clock it is given: unit-tested.
 */
import type { Point } from './mapping';
import { type Drawable, type FreehandDrawable, isFreehandDrawable } from './model';

/** At most one chunk per this many ms (about 60 per second). */
export const INK_MIN_GAP_MS = 16;
/** At most this many points per chunk (the protocol allows 2,000 per message). */
export const INK_MAX_POINTS = 1000;

export class InkStream {
  private draft: FreehandDrawable | null = null;
  /** Points of the draft already sent. The first point of a draft is a copy of the second (see startDraft). */
  private sent = 0;
  private scheduled = false;
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly schedule: (run: () => void) => void, private readonly now: () => number,
              private readonly out: (d: FreehandDrawable, added: Point[]) => void) {}

  /** The draft as it is now: sent (in part) at the next frame. A draft of another id starts a new stroke. */
  update(d: Drawable): void {
    if (!isFreehandDrawable(d)) return;
    if (this.draft?.id !== d.id) this.sent = 1;
    this.draft = d;
    this.request();
  }

  /** The pen lifted (the whole stroke goes out separately): nothing more of this draft is sent. */
  stop(): void {
    this.draft = null;
  }

  private request(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const d = this.draft;
    if (!d || this.sent >= d.points.length) return;
    if (this.now() - this.lastAt < INK_MIN_GAP_MS) {
      this.request();
      return;
    }
    const added = d.points.slice(this.sent, this.sent + INK_MAX_POINTS);
    this.sent += added.length;
    this.lastAt = this.now();
    this.out(d, added);
    if (this.sent < d.points.length) this.request();
  }
}
