/**
 * What the pipeline does with one captured frame, decided without touching a frame: pure, unit-tested.
 *
 * - `crop`: no mask touches the crop and sharing is not paused → `new VideoFrame(frame, {visibleRect})`, a
 *   zero-copy view of the same GPU/shared-memory buffer. The common case costs nothing per frame.
 * - `paint`: a mask intersects the crop → the source rectangle is drawn once into a canvas of the crop's size
 *   and the masks are filled black on it; the new frame is made from that canvas. A VideoFrame cannot be
 *   painted on, and copying it to CPU memory (copyTo) and back would cost far more than one GPU drawImage.
 * - `black`: paused → a black frame of the crop's size, so the agent's decoder keeps its resolution and no
 *   pixel of the screen is encoded.
 */
import { clampCrop, type Rect, type Size } from './geometry';
import { masksInCrop } from '../masks/masks';

export type FramePlan =
  | { kind: 'crop'; visibleRect: Rect }
  | { kind: 'paint'; source: Rect; masks: Rect[] }
  | { kind: 'black'; size: Size };

export interface PipelineSettings {
  /** The crop in source pixels; null = the whole source. */
  crop: Rect | null;
  masks: readonly Rect[];
  paused: boolean;
}

/**
 * @param frameRect the captured frame's visible rectangle (its display size; x/y usually 0). The crop is
 *        clamped to it on every frame because a shared window can be resized while sharing.
 */
export function planFrame(settings: PipelineSettings, frameRect: Rect): FramePlan {
  const size = { w: frameRect.w, h: frameRect.h };
  const crop = clampCrop(settings.crop ?? { x: 0, y: 0, w: size.w, h: size.h }, size);
  if (settings.paused) return { kind: 'black', size: { w: crop.w, h: crop.h } };
  const masks = masksInCrop(settings.masks, crop);
  const offset = { ...crop, x: crop.x + frameRect.x, y: crop.y + frameRect.y };
  if (masks.length === 0) return { kind: 'crop', visibleRect: offset };
  return { kind: 'paint', source: offset, masks };
}
