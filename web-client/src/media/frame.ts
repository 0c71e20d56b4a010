/**
 * Frames for freeze and snapshots: grab the remote `<video>`'s current frame at its intrinsic size (the pixels
 * the customer sent, not the size it is shown at), encode PNG, and flatten frame + annotation overlay into one
 * image. The overlay is painted at the frame's resolution by the same renderer and mapping as the live overlay,
 * so the flattened image shows the drawings exactly where the agent saw them. Canvases come from a
 * {@link SurfaceFactory} (OffscreenCanvas in the browser, a recorder in tests).
 */
import { type CropGeometry, wholeSource } from '../annotations/mapping';
import type { Drawable } from '../annotations/model';
import { type Overlay2D, renderOverlay } from '../annotations/renderer';
import type { Size } from '../crop/geometry';
import { t } from '../i18n';

export type Frame2D = Overlay2D & { drawImage(image: CanvasImageSource, dx: number, dy: number, dw?: number, dh?: number): void };

/** A canvas of a given size: what is drawn on it, and its PNG encoding. */
export interface Surface {
  readonly size: Size;
  readonly image: CanvasImageSource;
  readonly ctx: Frame2D;
  png(): Promise<Blob>;
}

export type SurfaceFactory = (size: Size) => Surface;

/** The browser's surface: an OffscreenCanvas (no DOM node, no CSS scaling). */
export const offscreenSurface: SurfaceFactory = (size) => {
  const canvas = new OffscreenCanvas(size.w, size.h);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  return { size, image: canvas, ctx: ctx as unknown as Frame2D, png: () => canvas.convertToBlob({ type: 'image/png' }) };
};

/** Thrown when there is no frame to grab yet (the customer is not sharing, or the video has not started). */
export class NoFrameError extends Error {
  constructor() {
    super(t('freeze.noPicture'));
  }
}

/** What a frame can be grabbed from: a `<video>` (or anything drawable with an intrinsic size). */
export interface VideoSource {
  readonly videoWidth: number;
  readonly videoHeight: number;
}

/** The video's current frame, 1:1 at its intrinsic size. */
export function grabFrame(video: VideoSource & CanvasImageSource, make: SurfaceFactory): Surface {
  const size = { w: video.videoWidth, h: video.videoHeight };
  if (!size.w || !size.h) throw new NoFrameError();
  return drawStill(video, size, make);
}

/** An image (a decoded still) drawn 1:1 onto a new surface of its size. */
export function drawStill(image: CanvasImageSource, size: Size, make: SurfaceFactory): Surface {
  const s = make(size);
  s.ctx.drawImage(image, 0, 0, size.w, size.h);
  return s;
}

/** What the frame shows of the source: the crop it was sent with, or (crop unknown) the frame itself. */
export function frameGeometry(geometry: CropGeometry | null, frame: Size): CropGeometry {
  return geometry ?? wholeSource(frame);
}

/**
 * Frame and overlay in one image of the frame's size. The overlay is rendered onto its own transparent surface
 * first (the renderer clears what it paints on) and then composited over the frame. Vanishing ink is taken as
 * visible at {@code now}; pointers are never part of a snapshot.
 */
export function flatten(frame: Surface, geometry: CropGeometry, drawables: readonly Drawable[], now: number,
                        make: SurfaceFactory): Surface {
  const size = frame.size;
  const overlay = make(size);
  renderOverlay(overlay.ctx, size, geometry, drawables, [], now);
  const out = make(size);
  out.ctx.drawImage(frame.image, 0, 0, size.w, size.h);
  out.ctx.drawImage(overlay.image, 0, 0, size.w, size.h);
  return out;
}
