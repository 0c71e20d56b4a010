/**
 * What every annotation canvas over a video or a still shares (the agent's overlay, the customer's layer, the
 * frozen views): its backing store follows its CSS box at the screen's pixel ratio, so lines stay sharp on a
 * HiDPI screen while the renderer works in CSS pixels; and however many changes ask for a paint, it paints once
 * per animation frame.
 */
import type { Size } from '../crop/geometry';

export interface CanvasBox {
  readonly clientWidth: number;
  readonly clientHeight: number;
  width: number;
  height: number;
}

/**
 * Sizes the backing store to the canvas's CSS box at `dpr` (only when it changed: resizing clears the canvas and
 * costs an allocation) and scales the context to CSS pixels; returns the box in CSS pixels.
 */
export function fitCanvas(canvas: CanvasBox, ctx: Pick<CanvasRenderingContext2D, 'setTransform'>, dpr: number): Size {
  const box = { w: canvas.clientWidth, h: canvas.clientHeight };
  const w = Math.round(box.w * dpr);
  const h = Math.round(box.h * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return box;
}

/** A `repaint()` that runs `paint` once at the next animation frame, however often it is called before then. */
export function oncePerFrame(paint: () => void,
                             schedule: (run: () => void) => void = (run) => requestAnimationFrame(run)): () => void {
  let requested = false;
  return () => {
    if (requested) return;
    requested = true;
    schedule(() => {
      requested = false;
      paint();
    });
  };
}
