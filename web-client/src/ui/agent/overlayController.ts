/**
 * The annotation overlay over the agent's video: turns pointer input into drafts and laser positions (in
 * normalized source coordinates, through the current crop and the video's letterboxing) and paints the room's
 * drawings. A freehand drawing streams out as live ink while the pen moves ({@link InkStream}); a finished
 * drawing goes out through {@link OverlaySink} and stays shown as it was drawn until the room's copy
 * (annotation-service's event) arrives, so it neither blinks nor shows twice.
 */
import type { Size } from '../../crop/geometry';
import { extendDraft, finishDraft, startDraft } from '../../annotations/draft';
import { InkStream } from '../../annotations/inkStream';
import { type CropGeometry, type Point, viewToSource, wholeSource } from '../../annotations/mapping';
import { type Drawable, fading, type FreehandDrawable } from '../../annotations/model';
import { browserTimer, PointerCoalescer } from '../../annotations/pointerCoalescer';
import { type LaserPointer, renderOverlay } from '../../annotations/renderer';
import type { RoomDrawings, ShareId } from '../../annotations/roomDrawings';
import { drawableToWire, inkToWire } from '../../annotations/wire';
import type { ClientMessage } from '../../generated/annotation';
import { h } from '../dom';
import { fitCanvas, oncePerFrame } from '../overlayCanvas';
import type { ToolSettings } from './toolbar';
import { t } from '../../i18n';

/** Where the overlay's output goes (annotation-service). */
export interface OverlaySink {
  /** A finished drawable, in the source whose size is given. */
  draw(d: Drawable, source: Size): void;
  /** Live ink: the points freehand drawable {@code d} gained since its previous ink. */
  ink(d: FreehandDrawable, added: Point[], source: Size): void;
  /** The local laser pointer, at most once per animation frame; null when it left the video. */
  pointer(p: Point | null): void;
}

/** What the overlay shows besides the local draft and pointer: the room's drawings and others' pointers. */
export interface OverlayContent {
  drawables(source: Size): Drawable[];
  has(id: string): boolean;
  pointers(): readonly LaserPointer[];
}

/** The drawings (and, in `pointer`'s colour and words, the others' pointers) of a share as the room states them. */
export function roomContent(drawings: () => RoomDrawings | null | undefined,
                            pointer: Omit<LaserPointer, 'position'>): OverlayContent {
  return {
    drawables: (source) => drawings()?.drawables(source) ?? [],
    has: (id) => drawings()?.has(id) ?? false,
    pointers: () => (drawings()?.othersPointers() ?? []).map((position) => ({ position, ...pointer })),
  };
}

/**
 * The overlay's output as annotation-service messages, naming the share they are on (`shareId`; the customer's
 * share stays unnamed, as older clients send it).
 */
export function wireSink(send: (m: ClientMessage) => unknown, shareId?: ShareId): OverlaySink {
  const on = shareId ? { shareId } : {};
  return {
    draw: (d, source) => void send({ ...drawableToWire(d, source), ...on }),
    ink: (d, added, source) => void send({ ...inkToWire(d, added, source), ...on }),
    pointer: (p) => void send(p ? { type: 'pointer', x: p.x, y: p.y, ...on } : { type: 'pointer.hide' }),
  };
}

export interface OverlayController {
  readonly canvas: HTMLCanvasElement;
  setGeometry(g: CropGeometry | null): void;
  repaint(): void;
}

export function createOverlay(video: HTMLVideoElement, content: OverlayContent, tools: () => ToolSettings, sink: OverlaySink,
                              newId: () => string): OverlayController {
  const canvas = h('canvas', { tabindex: 0, 'aria-label': t('overlay.label'),
    'data-testid': 'overlay' });
  const ctx = canvas.getContext('2d')!;
  let geometry: CropGeometry | null = null;
  let draft: Drawable | null = null;
  /** Finished drawables sent but not yet back from the room. */
  let pending: Drawable[] = [];
  let local: Point | null = null;

  const box = () => ({ w: canvas.clientWidth, h: canvas.clientHeight });
  /** Until the customer's crop is known: the video as it arrives, or the overlay itself before any video. */
  const current = (): CropGeometry => geometry
    ?? wholeSource(video.videoWidth ? { w: video.videoWidth, h: video.videoHeight } : box());

  const paint = (): void => {
    const size = fitCanvas(canvas, ctx, window.devicePixelRatio || 1);
    // Another tool picked while the laser showed: the customer's pointer goes too.
    if (local && tools().tool !== 'laser') hidePointer();
    const g = current();
    pending = pending.filter((d) => !content.has(d.id));
    const drawables = [...content.drawables(g.source), ...pending, ...(draft ? [draft] : [])];
    const remote = content.pointers();
    const pointers = local ? [...remote, { position: local, color: tools().color, label: t('common.you') }] : remote;
    const now = performance.now();
    renderOverlay(ctx, size, g, drawables, pointers, now);
    // Vanishing ink fades: keep painting while any is still visible.
    if (fading(drawables, now)) repaint();
  };
  const repaint = oncePerFrame(paint);

  // A resting pointer is sent once more after 500 ms: a move lost on the way must not leave it stale for others.
  const pointerOut = new PointerCoalescer<Point>((cb) => requestAnimationFrame(cb), (p) => sink.pointer(p),
    { ms: 500, timer: browserTimer });
  const inkOut = new InkStream((run) => requestAnimationFrame(run), () => performance.now(),
    (d, added) => sink.ink(d, added, current().source));
  const at = (e: PointerEvent): Point | null => {
    const r = canvas.getBoundingClientRect();
    return viewToSource({ x: e.clientX - r.left, y: e.clientY - r.top }, current(), box());
  };

  canvas.addEventListener('pointerdown', (e) => {
    const p = at(e);
    const t = tools();
    if (!p || t.tool === 'laser') return;
    if (t.tool === 'text') {
      placeText(p, e);
      return;
    }
    canvas.setPointerCapture(e.pointerId);
    draft = startDraft(t.tool, p, t, newId(), '');
    inkOut.update(draft);
    repaint();
  });
  canvas.addEventListener('pointermove', (e) => {
    const p = at(e);
    if (tools().tool === 'laser') {
      if (p) {
        local = p;
        pointerOut.push(p);
      } else {
        hidePointer(); // over the letterbox bars: off the customer's content
      }
    } else if (draft && p) {
      draft = extendDraft(draft, p);
      inkOut.update(draft);
    }
    repaint();
  });
  const end = (): void => {
    if (!draft) return;
    const done = finishDraft(draft, performance.now());
    draft = null;
    inkOut.stop();
    if (done) send(done);
    repaint();
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  /** The laser left the content: the hide goes at once and a move still pending is dropped. */
  function hidePointer(): void {
    if (!local) return;
    local = null;
    pointerOut.cancel();
    sink.pointer(null);
    repaint();
  }
  canvas.addEventListener('pointerleave', hidePointer);

  function send(d: Drawable): void {
    pending.push(d);
    sink.draw(d, current().source);
  }

  /** Text: a small field at the click; Enter places it, Escape cancels. */
  function placeText(p: Point, e: PointerEvent): void {
    e.preventDefault();
    const input = h('input', { 'aria-label': t('overlay.textEntry'), class: 'text-entry' });
    const r = canvas.getBoundingClientRect();
    Object.assign(input.style, { position: 'absolute', left: `${e.clientX - r.left}px`, top: `${e.clientY - r.top}px`,
      width: '14rem', zIndex: '2' });
    canvas.after(input);
    setTimeout(() => input.focus());
    const close = () => input.remove();
    input.addEventListener('keydown', (k) => {
      if (k.key === 'Escape') close();
      if (k.key !== 'Enter') return;
      const t = tools();
      if (input.value.trim()) {
        send({ id: newId(), authorId: '', tool: 'text', color: t.color, width: t.width,
          points: [p], text: input.value.trim(), createdAt: performance.now() });
      }
      close();
      canvas.focus();
    });
    input.addEventListener('blur', close);
  }

  new ResizeObserver(repaint).observe(canvas);
  video.addEventListener('resize', repaint);

  return {
    canvas,
    setGeometry: (g) => {
      geometry = g;
      repaint();
    },
    repaint,
  };
}
