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
}

export const INITIAL_SHARE: ShareState = {
  source: null, crop: { x: 0, y: 0, w: 0, h: 0 }, masks: [], paused: false, painting: false, nextMaskId: 1,
};

export type ShareAction =
  | { type: 'source'; size: Size }
  | { type: 'crop'; crop: Rect }
  | { type: 'whole' }
  | { type: 'addMask'; rect: Rect }
  | { type: 'removeMask'; id: string }
  | { type: 'pause'; paused: boolean }
  | { type: 'painting'; on: boolean };

export function reduceShare(s: ShareState, a: ShareAction): ShareState {
  switch (a.type) {
    case 'source': {
      // First frame: share everything until the customer narrows it; later size changes keep the crop inside.
      const crop = s.source ? clampCrop(s.crop, a.size) : initialCrop(a.size);
      return { ...s, source: a.size, crop };
    }
    case 'crop':
      return s.source ? { ...s, crop: clampCrop(a.crop, s.source) } : s;
    case 'whole':
      return s.source ? { ...s, crop: initialCrop(s.source) } : s;
    case 'addMask': {
      const masks = addMask(s.masks, a.rect, `mask-${s.nextMaskId}`);
      return masks === s.masks ? s : { ...s, masks, nextMaskId: s.nextMaskId + 1 };
    }
    case 'removeMask':
      return { ...s, masks: removeMask(s.masks, a.id) };
    case 'pause':
      return { ...s, paused: a.paused };
    case 'painting':
      return { ...s, painting: a.on };
  }
}
