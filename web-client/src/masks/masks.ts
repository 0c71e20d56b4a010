/**
 * Privacy masks: rectangles the customer paints over their source, in source pixels, blacked out before
 * encoding. A mask list is an immutable value (each change returns a new one), so the pipeline can read the
 * current list on every frame without locks or copies.
 */
import type { Rect } from '../crop/geometry';

export interface Mask extends Rect {
  /** Stable id, so the customer can remove one mask from the list. */
  id: string;
}

/** Masks smaller than this (either side, source pixels) are accidental clicks, not masks. */
export const MIN_MASK = 8;

export function addMask(masks: readonly Mask[], rect: Rect, id: string): readonly Mask[] {
  if (rect.w < MIN_MASK || rect.h < MIN_MASK) return masks;
  return [...masks, { id, ...rect }];
}

export function removeMask(masks: readonly Mask[], id: string): readonly Mask[] {
  return masks.filter((m) => m.id !== id);
}

/**
 * The parts of the masks that fall inside the crop, in the crop's own pixels (0,0 = the crop's top-left):
 * what the mask step has to black out on the cropped frame. Masks wholly outside the crop are dropped — that
 * content never leaves the machine anyway — so a crop that avoids every mask keeps the zero-copy path.
 */
export function masksInCrop(masks: readonly Rect[], crop: Rect): Rect[] {
  const out: Rect[] = [];
  for (const m of masks) {
    const x0 = Math.max(m.x, crop.x);
    const y0 = Math.max(m.y, crop.y);
    const x1 = Math.min(m.x + m.w, crop.x + crop.w);
    const y1 = Math.min(m.y + m.h, crop.y + crop.h);
    if (x1 > x0 && y1 > y0) out.push({ x: x0 - crop.x, y: y0 - crop.y, w: x1 - x0, h: y1 - y0 });
  }
  return out;
}
