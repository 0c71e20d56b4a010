/**
 * The customer's preview: their whole captured source, a crop rectangle to drag and resize (mouse, or keyboard
 * on the rectangle and on each of its eight labelled handles), and privacy masks painted by dragging while
 * "Paint mask" is on (it turns itself off after each mask, see shareState.ts). All geometry is in source pixels (crop/editing.ts); this file only turns pointer and key
 * events into calls to it and positions elements.
 */
import { containedRect } from '../annotations/mapping';
import { PointerCoalescer } from '../annotations/pointerCoalescer';
import { arrowDelta, dragCrop, HANDLE_LABELS, HANDLES, type Handle, keyboardCrop, keyStep, rectFromPoints } from '../crop/editing';
import type { Rect, Size } from '../crop/geometry';
import type { Mask } from '../masks/masks';
import { h } from './dom';
import { t } from '../i18n';

/**
 * The margin (CSS px) between the preview's edges and the source shown in it: half a crop handle, so a handle on the
 * source's edge is whole and reachable. theme.css insets the preview's video and overlay by the same --preview-edge.
 */
const EDGE = 12;

export interface CropEditorCallbacks {
  onCrop(crop: Rect): void;
  onMask(rect: Rect): void;
}

export interface CropEditor {
  readonly element: HTMLElement;
  setSource(size: Size): void;
  setCrop(crop: Rect): void;
  setMasks(masks: readonly Mask[]): void;
  setPainting(on: boolean): void;
  setPaused(on: boolean): void;
}

type Shade = Partial<Record<'left' | 'top' | 'width' | 'height' | 'right' | 'bottom', string>>;

/**
 * The four shades that darken what is not shared (top and bottom full width, left and right beside the crop), as
 * CSS positions in the layer; `scale`: CSS pixels per source pixel.
 */
export function shadeStyles(crop: Rect, scale: number): [Shade, Shade, Shade, Shade] {
  const px = (v: number) => `${v * scale}px`;
  return [
    { left: '0', top: '0', width: '100%', height: px(crop.y) },
    { left: '0', top: px(crop.y + crop.h), width: '100%', bottom: '0' },
    { left: '0', top: px(crop.y), width: px(crop.x), height: px(crop.h) },
    { left: px(crop.x + crop.w), top: px(crop.y), right: '0', height: px(crop.h) },
  ];
}

export function createCropEditor(preview: HTMLVideoElement, cb: CropEditorCallbacks): CropEditor {
  let source: Size = { w: 0, h: 0 };
  let crop: Rect = { x: 0, y: 0, w: 0, h: 0 };
  let masks: readonly Mask[] = [];
  let painting = false;

  const sizeLabel = h('span', { class: 'crop-size', id: 'crop-size', 'aria-live': 'polite' });
  const rect = h('div', {
    class: 'crop-rect',
    tabindex: 0,
    role: 'group',
    'aria-roledescription': t('crop.roleDescription'),
    'aria-label': t(HANDLE_LABELS.move),
    'aria-describedby': 'crop-size',
    'data-testid': 'crop-rect',
  }, sizeLabel);
  const handles = HANDLES.map((name) => h('button', {
    type: 'button', class: 'handle', 'data-h': name,
    'aria-label': t('crop.handle', { edge: t(HANDLE_LABELS[name]) }),
  }));
  rect.append(...handles);
  const shades = [0, 1, 2, 3].map(() => h('div', { class: 'crop-shade' }));
  const maskLayer = h('div');
  const banner = h('div', { class: 'paused-banner', hidden: true }, t('share.pausedBanner'));
  const layer = h('div', { class: 'layer', 'data-testid': 'crop-layer' }, ...shades, maskLayer, rect);
  const element = h('div', { class: 'preview', 'data-testid': 'preview' }, preview, layer, banner);

  /** Source pixels per CSS pixel of the layer: the preview shows the whole source letterboxed. */
  const scale = (): number => (source.w ? layer.clientWidth / source.w : 1);
  /** Edges snap within 8 CSS pixels of the preview, whatever the source's size. */
  const snap = (): number => 8 / scale();

  const layout = (): void => {
    const box = containedRect(source, { w: Math.max(0, element.clientWidth - 2 * EDGE),
      h: Math.max(0, element.clientHeight - 2 * EDGE) });
    Object.assign(layer.style, { left: `${box.x + EDGE}px`, top: `${box.y + EDGE}px`, width: `${box.w}px`,
      height: `${box.h}px` });
    const s = box.w / (source.w || 1);
    const px = (v: number) => `${v * s}px`;
    Object.assign(rect.style, { left: px(crop.x), top: px(crop.y), width: px(crop.w), height: px(crop.h) });
    shadeStyles(crop, s).forEach((style, i) => Object.assign(shades[i].style, style));
    const pos: Record<string, [number, number]> = {
      nw: [0, 0], n: [0.5, 0], ne: [1, 0], e: [1, 0.5], se: [1, 1], s: [0.5, 1], sw: [0, 1], w: [0, 0.5],
    };
    handles.forEach((el, i) => {
      const [fx, fy] = pos[HANDLES[i]];
      Object.assign(el.style, { left: `${fx * 100}%`, top: `${fy * 100}%` });
    });
    maskLayer.replaceChildren(...masks.map((m) => {
      const box = h('div', { class: 'mask-box', 'data-rect': `${m.x},${m.y},${m.w},${m.h}` });
      Object.assign(box.style, { left: px(m.x), top: px(m.y), width: px(m.w), height: px(m.h) });
      return box;
    }));
    sizeLabel.textContent = t('share.sharedAreaSize', { w: crop.w, h: crop.h });
    // The exact crop in source pixels, for diagnostics and the browser tests.
    rect.dataset.crop = `${crop.x},${crop.y},${crop.w},${crop.h}`;
  };
  new ResizeObserver(layout).observe(element);

  const change = (next: Rect): void => {
    crop = next;
    layout();
    cb.onCrop(next);
  };
  // A mouse reports moves far faster than the screen refreshes; each change re-lays out the preview and
  // repaints the pipeline's frame, so a drag applies at most one change per animation frame.
  const dragChange = new PointerCoalescer<Rect>((f) => requestAnimationFrame(f), change);

  /** Event position in source pixels. */
  const at = (e: PointerEvent): { x: number; y: number } => {
    const r = layer.getBoundingClientRect();
    return { x: (e.clientX - r.left) / scale(), y: (e.clientY - r.top) / scale() };
  };

  /**
   * Follows the pointer of `e`, captured by `target`: `move` for each of its moves until one of `endings` comes,
   * then `end` once.
   */
  const follow = (e: PointerEvent, target: HTMLElement, endings: readonly ('pointerup' | 'pointercancel')[],
    move: (ev: PointerEvent) => void, end: () => void = () => {}): void => {
    target.setPointerCapture(e.pointerId);
    const ended = (): void => {
      target.removeEventListener('pointermove', move);
      endings.forEach((type) => target.removeEventListener(type, ended));
      end();
    };
    target.addEventListener('pointermove', move);
    endings.forEach((type) => target.addEventListener(type, ended));
  };

  const startDrag = (e: PointerEvent, handle: Handle): void => {
    e.preventDefault();
    e.stopPropagation();
    const start = crop;
    const from = at(e);
    follow(e, e.currentTarget as HTMLElement, ['pointerup', 'pointercancel'], (ev) => {
      const p = at(ev);
      dragChange.push(dragCrop(start, handle, p.x - from.x, p.y - from.y, source, snap()));
    });
  };

  const startMask = (e: PointerEvent): void => {
    e.preventDefault();
    const from = at(e);
    const ghost = h('div', { class: 'mask-box' });
    maskLayer.append(ghost);
    let r = rectFromPoints(from.x, from.y, from.x, from.y, source);
    follow(e, layer, ['pointerup'], (ev) => {
      const p = at(ev);
      r = rectFromPoints(from.x, from.y, p.x, p.y, source);
      const s = scale();
      Object.assign(ghost.style, { left: `${r.x * s}px`, top: `${r.y * s}px`, width: `${r.w * s}px`, height: `${r.h * s}px` });
    }, () => {
      ghost.remove();
      cb.onMask(r);
    });
  };

  layer.addEventListener('pointerdown', (e) => {
    if (painting) startMask(e);
  });
  rect.addEventListener('pointerdown', (e) => {
    if (!painting) startDrag(e, 'move');
  });
  handles.forEach((el, i) => el.addEventListener('pointerdown', (e) => {
    if (!painting) startDrag(e, HANDLES[i]);
  }));
  rect.addEventListener('keydown', (e) => {
    if (e.target !== rect) return;
    const next = keyboardCrop(crop, e.key, e.shiftKey, source, e.altKey);
    if (next) {
      e.preventDefault();
      change(next);
    }
  });
  handles.forEach((el, i) => el.addEventListener('keydown', (e) => {
    const delta = arrowDelta(e.key, keyStep(source, e.altKey));
    if (!delta) return;
    e.preventDefault();
    e.stopPropagation();
    change(dragCrop(crop, HANDLES[i], delta[0], delta[1], source));
  }));

  return {
    element,
    setSource: (s) => {
      source = s;
      layout();
    },
    setCrop: (c) => {
      crop = c;
      layout();
    },
    setMasks: (m) => {
      masks = m;
      layout();
    },
    setPainting: (on) => {
      painting = on;
      element.classList.toggle('painting', on);
    },
    setPaused: (on) => {
      banner.hidden = !on;
    },
  };
}
