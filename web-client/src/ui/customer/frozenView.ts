/**
 * What the customer sees while the agent has frozen the frame: the very snapshot the agent took (downloaded from
 * room-service with the customer's token: the same bytes), the agent's drawings and pointer over it, and a
 * banner saying so. It covers the live preview while frozen and goes away when the agent unfreezes. The
 * drawings are mapped through the crop the frame was taken with (from the snapshot's annotations JSON), so they
 * sit where the agent drew them.
 */
import { type CropGeometry, wholeSource } from '../../annotations/mapping';
import { fading } from '../../annotations/model';
import { POINTER_COLORS, renderOverlay } from '../../annotations/renderer';
import type { RoomDrawings } from '../../annotations/roomDrawings';
import { type FreezeSignal, LatestOnly } from '../../media/freezeSync';
import type { SnapshotApi } from '../../media/snapshotApi';
import { announce, announcer } from '../announcer';
import { h } from '../dom';
import { fitCanvas, oncePerFrame } from '../overlayCanvas';
import { type MessageKey, t } from '../../i18n';

export interface FrozenView {
  /** Placed over the live preview (absolutely positioned, fills it). */
  readonly element: HTMLElement;
  follow(signal: FreezeSignal): void;
  dispose(): void;
}

/** Which frozen view: over the customer's own preview, or over the agent's screen (two-way sharing). */
export interface FrozenWords {
  /** Prefix of the parts' test ids (the page may show both views). */
  prefix: string;
  still: MessageKey;
  banner: MessageKey;
}

const OWN_PREVIEW: FrozenWords = { prefix: '', still: 'frozen.still', banner: 'frozen.banner' };
export const THEIR_SCREEN: FrozenWords = { prefix: 'their-', still: 'frozen.theirStill', banner: 'frozen.theirBanner' };

export function createFrozenView(api: SnapshotApi, drawings: RoomDrawings, words: FrozenWords = OWN_PREVIEW): FrozenView {
  const prefix = words.prefix;
  const still = h('img', { class: 'frozen-still', 'data-testid': `${prefix}frozen-still`,
    alt: t(words.still) });
  const canvas = h('canvas', { class: 'annotation-layer', 'data-testid': `${prefix}frozen-overlay`,
    'aria-hidden': 'true' });
  // Shown silently; the page's live region says it (see announcer.ts).
  const banner = h('p', { class: 'frozen-banner', 'data-testid': `${prefix}frozen-banner` });
  announcer();
  const element = h('div', { class: 'frozen-view', 'data-testid': `${prefix}frozen-view`, hidden: true },
    still, canvas, banner);
  const ctx = canvas.getContext('2d')!;
  const loads = new LatestOnly();
  let geometry: CropGeometry | null = null;
  let url: string | null = null;
  let disposed = false;

  const paint = (): void => {
    const box = fitCanvas(canvas, ctx, window.devicePixelRatio || 1);
    if (!geometry || element.hidden) {
      ctx.clearRect(0, 0, box.w, box.h);
      return;
    }
    const pointers = drawings.othersPointers()
      .map((position) => ({ position, color: POINTER_COLORS.otherSide, label: t('role.yourAgent') }));
    const drawables = drawings.drawables(geometry.source);
    const now = performance.now();
    renderOverlay(ctx, box, geometry, drawables, pointers, now);
    canvas.dataset.drawables = String(drawables.length);
    if (fading(drawables, now)) repaint();
  };
  const painter = oncePerFrame(paint);
  const repaint = (): void => {
    if (!disposed) painter();
  };
  drawings.onChange(repaint);
  const resize = new ResizeObserver(repaint);
  resize.observe(canvas);

  const release = (): void => {
    if (url) URL.revokeObjectURL(url);
    url = null;
    still.removeAttribute('src');
    delete still.dataset.snapshotId;
    geometry = null;
  };

  function live(): void {
    loads.cancel();
    element.hidden = true;
    release();
    repaint();
  }

  function frozen(snapshotId: string | null): void {
    banner.textContent = t(words.banner);
    if (element.hidden) announce(banner.textContent);
    element.hidden = false;
    if (!snapshotId) return; // the agent's upload names it next
    if (still.dataset.snapshotId === snapshotId) return;
    void loads.run(async () => {
      const stored = await api.still(snapshotId);
      const next = URL.createObjectURL(stored.original);
      // Decoded before it is shown, so the still never flashes half-drawn.
      const img = new Image();
      img.src = next;
      await img.decode();
      return { next, known: stored.geometry, size: { w: img.naturalWidth, h: img.naturalHeight } };
    }, ({ next, known, size }) => {
      release();
      url = next;
      still.src = next;
      still.dataset.snapshotId = snapshotId;
      geometry = known ?? wholeSource(size);
      repaint();
    }, () => {
      banner.textContent = t('frozen.failed');
    });
  }

  return {
    element,
    follow: (signal) => (signal.frozen ? frozen(signal.snapshotId) : live()),
    dispose: () => {
      disposed = true;
      loads.cancel();
      resize.disconnect();
      release();
    },
  };
}
