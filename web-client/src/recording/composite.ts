/**
 * What a recording shows: the share in the console's main view (the customer's video, or with two-way sharing the
 * agent's own share as the customer receives it) with its annotation overlay on top, drawn into one canvas whose
 * `captureStream()` MediaRecorder records. The overlay canvas covers the whole `<video>` element while the video
 * is letterboxed in it (`object-fit: contain`), so the part of the overlay over the picture is cut out and scaled
 * onto the picture. One recording follows the view: each frame is drawn from the share in view at that moment.
 */
import { containedRect } from '../annotations/mapping';
import type { Rect, Size } from '../crop/geometry';

/** A canvas as the overlay is: its backing store in device pixels and its box in CSS pixels. */
export interface CanvasBox {
  width: number;
  height: number;
  clientWidth: number;
  clientHeight: number;
}

/** The overlay's part over the video picture, in the overlay's backing-store pixels. */
export function overlayOverPicture(overlay: CanvasBox, video: Size): Rect {
  const box = { w: overlay.clientWidth, h: overlay.clientHeight };
  const r = containedRect(video, box);
  const sx = box.w > 0 ? overlay.width / box.w : 1;
  const sy = box.h > 0 ? overlay.height / box.h : 1;
  return { x: r.x * sx, y: r.y * sy, w: r.w * sx, h: r.h * sy };
}

/** The output size: the video's, even (VP8/VP9 encoders want even sizes), at most `max` px on the long side. */
export function recordingSize(video: Size, max = 1920): Size {
  const scale = Math.min(1, max / Math.max(video.w, video.h, 1));
  const even = (v: number) => Math.max(2, Math.round((v * scale) / 2) * 2);
  return { w: even(video.w), h: even(video.h) };
}

/** A video and the overlay over it. */
export interface RecordedView {
  video: HTMLVideoElement;
  overlay: HTMLCanvasElement;
}

export interface Composite {
  readonly stream: MediaStream;
  stop(): void;
}

/** What painting a frame needs of a 2D context. */
export type FrameContext = Pick<CanvasRenderingContext2D, 'fillStyle' | 'fillRect' | 'drawImage'>;

/** One frame of the recording: the view's picture letterboxed into {@code size}, its overlay's part over it. */
export function paintFrame(ctx: FrameContext, size: Size, view: RecordedView): void {
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, size.w, size.h);
  const { video, overlay } = view;
  const v = { w: video.videoWidth, h: video.videoHeight };
  if (v.w === 0 || v.h === 0) return;
  const dest = containedRect(v, size);
  ctx.drawImage(video, dest.x, dest.y, dest.w, dest.h);
  const src = overlayOverPicture(overlay, v);
  if (src.w > 0 && src.h > 0) ctx.drawImage(overlay, src.x, src.y, src.w, src.h, dest.x, dest.y, dest.w, dest.h);
}

/**
 * Draws the view in view (video + overlay) at `fps` on a timer (not requestAnimationFrame: that stops in a hidden tab, a timer only
 * slows down, and a recording should keep going). The size is fixed at start; a later crop change is letterboxed.
 */
export function startComposite(inView: () => RecordedView, fps = 30): Composite {
  const first = inView().video;
  const size = recordingSize({ w: first.videoWidth || 1280, h: first.videoHeight || 720 });
  const canvas = document.createElement('canvas');
  canvas.width = size.w;
  canvas.height = size.h;
  const ctx = canvas.getContext('2d', { alpha: false })!;
  const paint = () => paintFrame(ctx, size, inView());
  paint();
  const timer = window.setInterval(paint, Math.round(1000 / fps));
  const stream = canvas.captureStream(fps);
  return {
    stream,
    stop: () => {
      window.clearInterval(timer);
      stream.getTracks().forEach((t) => t.stop());
    },
  };
}
