/**
 * A drawable being drawn: started on pointer down, extended on each (coalesced) move, finished on pointer up.
 * Freehand tools collect points (dropping ones closer than a pixel's worth, which add nothing but bytes);
 * shapes keep their start and the latest point. Pure: unit-tested.
 */
import type { Point } from './mapping';
import { type Drawable, type DrawingTool, isFreehand } from './model';

/** Points closer than this (normalized source units, ≈ 1 px of a 2000 px source) are dropped. */
export const MIN_STEP = 0.0005;

export function startDraft(tool: DrawingTool, at: Point, style: { color: string; width: number }, id: string,
                           authorId: string): Drawable {
  return { id, authorId, tool, color: style.color, width: style.width, points: [at, at], createdAt: 0 };
}

export function extendDraft(d: Drawable, at: Point): Drawable {
  if (!isFreehand(d.tool)) return { ...d, points: [d.points[0], at] };
  const last = d.points[d.points.length - 1];
  if (Math.hypot(at.x - last.x, at.y - last.y) < MIN_STEP) return d;
  return { ...d, points: [...d.points, at] };
}

/** The finished drawable, or null when it is too small to be meant (a click with a shape tool). */
export function finishDraft(d: Drawable, now: number): Drawable | null {
  const [a] = d.points;
  const b = d.points[d.points.length - 1];
  const tiny = Math.hypot(b.x - a.x, b.y - a.y) < MIN_STEP * 4;
  if (tiny && !isFreehand(d.tool)) return null;
  const points = isFreehand(d.tool) && d.points.length > 2 ? d.points.slice(1) : d.points;
  return { ...d, points, createdAt: now };
}
