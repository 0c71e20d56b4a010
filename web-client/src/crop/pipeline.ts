/**
 * The crop pipeline's contract, shared by its two implementations (insertable streams, canvas fallback) and
 * the choice between them. The output track is created once per share and lives as long as the share:
 * changing the crop, the masks or pausing only changes what the next frames contain, so the peer connection
 * never renegotiates (at most the encoder adapts to a new frame size).
 */
import type { Rect, Size } from './geometry';
import type { PipelineSettings } from './framePlan';

export interface CropPipeline {
  /** Which implementation runs: shown in diagnostics and asserted by the browser tests. */
  readonly kind: 'insertable-streams' | 'canvas';
  /** Where the per-frame work runs: a dedicated Worker keeps its rate when the CoView tab is hidden. */
  readonly thread?: 'worker' | 'page';
  /** The cropped, masked track to send. contentHint is 'detail': text stays sharp, frame rate gives way. */
  readonly output: MediaStreamTrack;
  /** Changes the crop (source pixels; null = whole source), the masks or the pause from the next frame on. */
  update(change: Partial<PipelineSettings>): void;
  /** The current settings. */
  settings(): PipelineSettings;
  /** Resolves with the source size once the first frame has passed through (and been sent). */
  readonly firstFrame: Promise<Size>;
  /** Called whenever the captured source changes size (a shared window resized). */
  onSourceSize(listener: (size: Size) => void): void;
  /** Stops producing frames and ends the output track (not the captured track: capture/ owns that). */
  stop(): void;
}

/** Paints one cropped frame: what both implementations do when a mask is in the crop, or when paused. */
export interface FramePainter {
  drawImage(image: CanvasImageSource, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number,
            dw: number, dh: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillStyle: string | CanvasGradient | CanvasPattern;
}

/** Draws the source rectangle at 1:1 (never scaled: the agent reads small text) and blacks out the masks. */
export function paintCropped(ctx: FramePainter, image: CanvasImageSource, source: Rect, masks: readonly Rect[]): void {
  ctx.drawImage(image, source.x, source.y, source.w, source.h, 0, 0, source.w, source.h);
  ctx.fillStyle = '#000';
  for (const m of masks) ctx.fillRect(m.x, m.y, m.w, m.h);
}

/** Small observable for the source size, shared by both implementations. */
export class SourceSizeWatch {
  private current: Size | null = null;
  private readonly listeners: ((s: Size) => void)[] = [];

  add(listener: (s: Size) => void): void {
    this.listeners.push(listener);
    if (this.current) listener(this.current);
  }

  /** Reports a frame's size; listeners hear only changes. */
  report(size: Size): void {
    if (this.current && this.current.w === size.w && this.current.h === size.h) return;
    this.current = size;
    for (const l of this.listeners) l(size);
  }
}

export const DEFAULT_SETTINGS: PipelineSettings = { crop: null, masks: [], paused: false };

/**
 * A still screen produces no frames, but a viewer that connects later (or a decoder that lost a packet) needs
 * one: when nothing was sent for this long, the last frame is sent again. Cheap (one frame a second at most)
 * and what makes a static page show up on the agent's side at all.
 */
export const IDLE_REFRESH_MS = 1000;
