/**
 * Coordinate mapping between the shared content and what a person sees. Annotations and the pointer travel
 * normalized to the *source* (0..1 of the captured screen, not of the crop, not of anybody's window), so a
 * drawing stays on the same content when the customer moves the crop. To show them, a point goes
 * source → crop (the part being sent) → the video element's content box (object-fit: contain letterboxing).
 */
import type { Rect, Size } from '../crop/geometry';

export interface Point {
  x: number;
  y: number;
}

/** What the displayed video shows: which rectangle (source pixels) of a source of which size. */
export interface CropGeometry {
  source: Size;
  crop: Rect;
}

/** The whole source, uncropped: the customer's preview, or before the first crop event. */
export function wholeSource(source: Size): CropGeometry {
  return { source, crop: { x: 0, y: 0, w: source.w, h: source.h } };
}

/**
 * Where a video of {@code content} size is painted inside an element of {@code box} size with
 * object-fit: contain: scaled to fit, centred, letterboxed on the long side.
 */
export function containedRect(content: Size, box: Size): Rect {
  if (content.w <= 0 || content.h <= 0 || box.w <= 0 || box.h <= 0) return { x: 0, y: 0, w: 0, h: 0 };
  const scale = Math.min(box.w / content.w, box.h / content.h);
  const w = content.w * scale;
  const h = content.h * scale;
  return { x: (box.w - w) / 2, y: (box.h - h) / 2, w, h };
}

/** A normalized source point → element pixels (may fall outside the video when outside the crop). */
export function sourceToView(p: Point, g: CropGeometry, box: Size): Point {
  const r = containedRect({ w: g.crop.w, h: g.crop.h }, box);
  const cx = (p.x * g.source.w - g.crop.x) / g.crop.w;
  const cy = (p.y * g.source.h - g.crop.y) / g.crop.h;
  return { x: r.x + cx * r.w, y: r.y + cy * r.h };
}

/** Element pixels → a normalized source point; null when the point is in the letterbox bars. */
export function viewToSource(p: Point, g: CropGeometry, box: Size): Point | null {
  const r = containedRect({ w: g.crop.w, h: g.crop.h }, box);
  if (r.w === 0 || p.x < r.x || p.y < r.y || p.x > r.x + r.w || p.y > r.y + r.h) return null;
  const sx = g.crop.x + ((p.x - r.x) / r.w) * g.crop.w;
  const sy = g.crop.y + ((p.y - r.y) / r.h) * g.crop.h;
  return { x: sx / g.source.w, y: sy / g.source.h };
}

/** Scale from source pixels to element pixels: line widths are in source pixels so they zoom with the crop. */
export function viewScale(g: CropGeometry, box: Size): number {
  const r = containedRect({ w: g.crop.w, h: g.crop.h }, box);
  return g.crop.w === 0 ? 0 : r.w / g.crop.w;
}
