/**
 * How a crop rectangle changes under the customer's hands: dragging its body or one of its eight handles, and
 * the keyboard (arrows move, shift+arrows resize, with alt in the finest step). A dragged edge snaps to the
 * source's edges and to where the crop's edges were when the drag began, so "flush with the edge" and "back where
 * it was" are easy to hit. All in source pixels; the result is always clamped, so a crop never leaves the source
 * or shrinks below the minimum. Pure functions, unit-tested.
 */
import { clampCrop, MIN_CROP, type Rect, type Size } from './geometry';
import { type MessageKey } from '../i18n';

/** What is being dragged: the whole rectangle, or a handle named by the edges it moves. */
export type Handle = 'move' | 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

export const HANDLES: readonly Exclude<Handle, 'move'>[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

/** Plain-language names for the handles: screen readers announce them. */
export const HANDLE_LABELS: Record<Handle, MessageKey> = {
  move: 'crop.move',
  n: 'crop.n',
  s: 'crop.s',
  e: 'crop.e',
  w: 'crop.w',
  ne: 'crop.ne',
  nw: 'crop.nw',
  se: 'crop.se',
  sw: 'crop.sw',
};

/** Within this many source pixels a dragged edge snaps to a guide. */
export type Snap = number;

/**
 * The crop after dragging {@code handle} by (dx, dy) source pixels from {@code start} (the crop when the drag
 * began, so rounding never accumulates). Edges that a handle does not name stay where they were. An edge that
 * ends within {@code snap} pixels of a source edge or of one of {@code start}'s edges lands on it (a move snaps
 * whichever of its two edges is closer, keeping the size).
 */
export function dragCrop(start: Rect, handle: Handle, dx: number, dy: number, source: Size, snap: Snap = 0): Rect {
  const xs = [0, source.w, start.x, start.x + start.w];
  const ys = [0, source.h, start.y, start.y + start.h];
  if (handle === 'move') {
    const x = snapSpan(start.x + dx, start.w, xs, snap);
    const y = snapSpan(start.y + dy, start.h, ys, snap);
    return clampCrop({ ...start, x, y }, source);
  }
  let left = start.x;
  let top = start.y;
  let right = start.x + start.w;
  let bottom = start.y + start.h;
  const minW = Math.min(MIN_CROP, source.w);
  const minH = Math.min(MIN_CROP, source.h);
  if (handle.includes('w')) left = clamp(snapTo(left + dx, xs, snap), 0, right - minW);
  if (handle.includes('e')) right = clamp(snapTo(right + dx, xs, snap), left + minW, source.w);
  if (handle.includes('n')) top = clamp(snapTo(top + dy, ys, snap), 0, bottom - minH);
  if (handle.includes('s')) bottom = clamp(snapTo(bottom + dy, ys, snap), top + minH, source.h);
  return clampCrop({ x: left, y: top, w: right - left, h: bottom - top }, source);
}

/** The nearest guide within {@code snap} of {@code v}, or {@code v}. */
function snapTo(v: number, guides: readonly number[], snap: Snap): number {
  let best = v;
  let distance = snap;
  for (const g of guides) {
    if (Math.abs(g - v) <= distance) {
      best = g;
      distance = Math.abs(g - v);
    }
  }
  return best;
}

/** A span [start, start + size) whose nearer edge snaps; the other follows. */
function snapSpan(start: number, size: number, guides: readonly number[], snap: Snap): number {
  const a = snapTo(start, guides, snap);
  const b = snapTo(start + size, guides, snap) - size;
  if (a === start) return b;
  if (b === start) return a;
  return Math.abs(a - start) <= Math.abs(b - start) ? a : b;
}

/**
 * The keyboard step in source pixels: 1/50 of the source's shorter side (at least 2 px), or with {@code fine} the
 * smallest step a crop can take, 2 px (crops have even edges, see clampCrop).
 */
export function keyStep(source: Size, fine: boolean): number {
  return fine ? 2 : Math.max(2, Math.round(Math.min(source.w, source.h) / 50));
}

/** An arrow key as (dx, dy) steps, null for any other key. */
export function arrowDelta(key: string, step: number): [number, number] | null {
  const d: Record<string, [number, number]> = {
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
    ArrowUp: [0, -step],
    ArrowDown: [0, step],
  };
  return d[key] ?? null;
}

/** Keys the crop rectangle understands: arrows move, shift+arrows resize; with alt, in the finest step. */
export function keyboardCrop(crop: Rect, key: string, shift: boolean, source: Size, fine = false): Rect | null {
  const delta = arrowDelta(key, keyStep(source, fine));
  if (!delta) return null;
  const [dx, dy] = delta;
  if (!shift) return clampCrop({ ...crop, x: crop.x + dx, y: crop.y + dy }, source);
  // Resizing keeps the top-left corner: right/down grow, left/up shrink.
  return dragCrop(crop, 'se', dx, dy, source);
}

/** A rectangle spanning two points (a mask being painted), clamped to the source. */
export function rectFromPoints(ax: number, ay: number, bx: number, by: number, source: Size): Rect {
  const x0 = clamp(Math.min(ax, bx), 0, source.w);
  const y0 = clamp(Math.min(ay, by), 0, source.h);
  const x1 = clamp(Math.max(ax, bx), 0, source.w);
  const y1 = clamp(Math.max(ay, by), 0, source.h);
  return { x: Math.round(x0), y: Math.round(y0), w: Math.round(x1 - x0), h: Math.round(y1 - y0) };
}

/** The crop a new share starts with: the whole source (the customer narrows it from there). */
export function initialCrop(source: Size): Rect {
  return clampCrop({ x: 0, y: 0, w: source.w, h: source.h }, source);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
