/**
 * The agent's pointer and drawings over the customer's preview. The preview shows the whole captured source
 * (letterboxed), and drawings are normalized to that source, so they are painted through the same mapping
 * and renderer as the agent's overlay (annotations/mapping.ts, renderer.ts) with the whole source as the view:
 * they land on the same content the agent pointed at, wherever the crop is. Never takes pointer input.
 * The observer page paints the same layer over the customer's cropped video ({@link AnnotationLayer.setGeometry}).
 */
import { type CropGeometry, wholeSource } from '../../annotations/mapping';
import { fading } from '../../annotations/model';
import { POINTER_COLORS, renderOverlay } from '../../annotations/renderer';
import type { RoomDrawings } from '../../annotations/roomDrawings';
import type { Size } from '../../crop/geometry';
import { h } from '../dom';
import { fitCanvas, oncePerFrame } from '../overlayCanvas';
import { t } from '../../i18n';

export interface AnnotationLayer {
  readonly canvas: HTMLCanvasElement;
  /** Says in words (to screen readers) when the agent starts pointing or draws: the canvas is silent. */
  readonly announcer: HTMLElement;
  setSource(size: Size): void;
  /** What the view shows of the source when it is not the whole of it (the observer's cropped video). */
  setGeometry(g: CropGeometry | null): void;
  show(drawings: RoomDrawings): void;
}

/** How the layer names the agent (to the customer: "Your agent"; to an observer: "The agent"). */
export interface LayerWords {
  agent: string;
  drew: string;
  pointing: string;
  testId: string;
}

const customerWords = (): LayerWords => ({ agent: t('role.yourAgent'), drew: t('layer.agentDrew'),
  pointing: t('layer.agentPointing'), testId: 'customer-overlay' });

export function createAnnotationLayer(words: LayerWords = customerWords()): AnnotationLayer {
  const canvas = h('canvas', { class: 'annotation-layer', 'data-testid': words.testId, 'aria-hidden': 'true' });
  const ctx = canvas.getContext('2d')!;
  let source: Size | null = null;
  let view: CropGeometry | null = null;
  let drawings: RoomDrawings | null = null;
  const announcer = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  let announced = { pointing: false, drawables: 0 };

  const paint = (): void => {
    const box = fitCanvas(canvas, ctx, window.devicePixelRatio || 1);
    if (!source || !drawings) {
      ctx.clearRect(0, 0, box.w, box.h);
      return;
    }
    const pointers = drawings.othersPointers()
      .map((position) => ({ position, color: POINTER_COLORS.otherSide, label: words.agent }));
    const drawables = drawings.drawables(source);
    const now = performance.now();
    renderOverlay(ctx, box, view ?? wholeSource(source), drawables, pointers, now);
    // The layer exposes what it shows, for the browser tests and for diagnostics.
    canvas.dataset.pointers = JSON.stringify(pointers.map((p) => p.position));
    canvas.dataset.drawables = String(drawables.length);
    const pointing = pointers.length > 0;
    if (drawables.length > announced.drawables) announcer.textContent = words.drew;
    else if (pointing && !announced.pointing) announcer.textContent = words.pointing;
    announced = { pointing, drawables: drawables.length };
    if (fading(drawables, now)) repaint();
  };
  const repaint = oncePerFrame(paint);
  new ResizeObserver(repaint).observe(canvas);

  return {
    canvas,
    announcer,
    setSource: (size) => {
      source = size;
      view = null;
      repaint();
    },
    setGeometry: (g) => {
      view = g;
      if (g) source = g.source;
      repaint();
    },
    show: (d) => {
      drawings = d;
      d.onChange(repaint);
      repaint();
    },
  };
}
