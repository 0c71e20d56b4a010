/**
 * The customer's share state and the only ways it changes. The view renders it; the crop pipeline reads crop,
 * masks and paused from it. Pure: unit-tested without a browser.
 */
import { initialCrop } from '../../crop/editing';
import { clampCrop, type Rect, type Size } from '../../crop/geometry';
import { addMask, type Mask, removeMask } from '../../masks/masks';

export interface ShareState {
  /** Size of the captured source in pixels; null until the first frame. */
  source: Size | null;
  /** The shared rectangle, source pixels. */
  crop: Rect;
  masks: readonly Mask[];
  paused: boolean;
  /** Mask painting mode: drags on the preview paint masks instead of moving the crop. */
  painting: boolean;
  /** Counter for mask ids, so ids never repeat within a share. */
  nextMaskId: number;
  /** The share the room remembers (after a reload or a re-share), applied once the source size is known. */
  restore: RestoredShare | null;
}

/**
 * What the room's state says of the customer's last share: crop and masks as fractions of the source (so they fit
 * a source of another size), and the pause. Kept by annotation-service; re-applied before the first new frame.
 */
export interface RestoredShare {
  crop: Rect | null;
  masks: readonly Rect[];
  paused: boolean;
}

export const INITIAL_SHARE: ShareState = {
  source: null, crop: { x: 0, y: 0, w: 0, h: 0 }, masks: [], paused: false, painting: false, nextMaskId: 1,
  restore: null,
};

export type ShareAction =
  | { type: 'source'; size: Size }
  | { type: 'crop'; crop: Rect }
  | { type: 'whole' }
  | { type: 'addMask'; rect: Rect }
  | { type: 'removeMask'; id: string }
  | { type: 'pause'; paused: boolean }
  | { type: 'painting'; on: boolean }
  | { type: 'restore'; share: RestoredShare };

export function reduceShare(s: ShareState, a: ShareAction): ShareState {
  switch (a.type) {
    case 'source': {
      // First frame: share everything until the customer narrows it (or what the room remembers); later size
      // changes keep the crop inside.
      if (!s.source && s.restore) return applyRestore({ ...s, source: a.size }, s.restore, a.size);
      const crop = s.source ? clampCrop(s.crop, a.size) : initialCrop(a.size);
      return { ...s, source: a.size, crop };
    }
    case 'restore':
      // Before the first frame the pipeline sends nothing yet: keep it for then. The pause applies at once.
      return s.source ? applyRestore(s, a.share, s.source) : { ...s, restore: a.share, paused: a.share.paused };
    case 'crop':
      return s.source ? { ...s, crop: clampCrop(a.crop, s.source) } : s;
    case 'whole':
      return s.source ? { ...s, crop: initialCrop(s.source) } : s;
    case 'addMask': {
      const masks = addMask(s.masks, a.rect, `mask-${s.nextMaskId}`);
      // One mask per arming: a drag right after it moves the crop again, as the customer expects.
      return masks === s.masks ? s : { ...s, masks, nextMaskId: s.nextMaskId + 1, painting: false };
    }
    case 'removeMask':
      return { ...s, masks: removeMask(s.masks, a.id) };
    case 'pause':
      return { ...s, paused: a.paused };
    case 'painting':
      return { ...s, painting: a.on };
  }
}

/** The remembered crop and masks in this source's pixels (rounded), and the pause. */
function applyRestore(s: ShareState, r: RestoredShare, size: Size): ShareState {
  const px = (f: Rect): Rect => ({ x: Math.round(f.x * size.w), y: Math.round(f.y * size.h),
    w: Math.round(f.w * size.w), h: Math.round(f.h * size.h) });
  let masks: readonly Mask[] = [];
  let next = s.nextMaskId;
  for (const m of r.masks) {
    const added = addMask(masks, px(m), `mask-${next}`);
    if (added !== masks) next++;
    masks = added;
  }
  const crop = r.crop && r.crop.w > 0 && r.crop.h > 0 ? clampCrop(px(r.crop), size) : initialCrop(size);
  return { ...s, crop, masks, paused: r.paused, nextMaskId: next, restore: null };
}
