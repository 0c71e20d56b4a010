/**
 * Crop rectangle geometry, in the shared content's space: pixels of the source (the captured screen), so that
 * annotations stay anchored to screen content when the crop changes. Pure functions: no DOM, unit-tested.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Size {
  w: number;
  h: number;
}

/** Smallest crop a customer can make, in source pixels: below it the agent sees nothing useful. */
export const MIN_CROP = 32;

/**
 * Clamps a rectangle into the source and snaps it to even pixel edges (VideoFrame visibleRect and most
 * encoders want even offsets and sizes for 4:2:0 chroma), keeping at least {@link MIN_CROP} per side.
 */
export function clampCrop(r: Rect, source: Size): Rect {
  const minW = Math.min(MIN_CROP, source.w);
  const minH = Math.min(MIN_CROP, source.h);
  const w = even(Math.max(minW, Math.min(r.w, source.w)));
  const h = even(Math.max(minH, Math.min(r.h, source.h)));
  const x = even(Math.max(0, Math.min(r.x, source.w - w)));
  const y = even(Math.max(0, Math.min(r.y, source.h - h)));
  return { x, y, w, h };
}

/** A point of the source in 0..1 coordinates of the source: what pointer and drawing events carry. */
export function normalize(px: number, py: number, source: Size): { x: number; y: number } {
  return { x: px / source.w, y: py / source.h };
}

function even(v: number): number {
  return Math.floor(v / 2) * 2;
}
