/**
 * Freeze and Snapshot on the agent's console, the view: the two buttons, what they say, the still between the
 * video and the overlay, the "Frozen" badge. What they do is media/freezeFlow.ts; this file gives it the browser's
 * means: the video's frame 1:1 (its intrinsic size: the crop's pixels, not the CSS size), the overlay flattened
 * into it, the drawings as JSON, and a stored original decoded back into a still.
 *
 * Two-way sharing: Freeze and Snapshot take the share in the console's main view (the customer's, or the agent's
 * own); the room has one freeze, which names its share (`shareId`, absent for the customer's), and the still shows
 * while that share is in view.
 */
import type { CropGeometry } from '../../annotations/mapping';
import type { Drawable } from '../../annotations/model';
import type { Size } from '../../crop/geometry';
import type { ShareId } from '../../annotations/roomDrawings';
import type { ClientMessage } from '../../generated/annotation';
import { drawStill, flatten, frameGeometry, grabFrame, offscreenSurface, type SurfaceFactory } from '../../media/frame';
import { type FreezeButton, FreezeFlow, freezeLook, type FreezePorts, type FreezeState, type Grabbed } from '../../media/freezeFlow';
import type { FreezeSignal } from '../../media/freezeSync';
import type { SnapshotApi, SnapshotView } from '../../media/snapshotApi';
import { snapshotDocument } from '../../media/snapshotDocument';
import { h } from '../dom';
import { t } from '../../i18n';

/** One share as Freeze and Snapshot see it. */
export interface FreezableShare {
  /** The share's live video. */
  readonly video: HTMLVideoElement;
  /** What the live video shows of the share's source; null while the crop is not known. */
  liveGeometry(): CropGeometry | null;
  /** The drawings on this share, widths in pixels of the given source. */
  drawables(source: Size): Drawable[];
  /** Maps the share's overlay through a frozen still's geometry, or (null) through the live crop again. */
  showGeometry(g: CropGeometry | null): void;
}

export interface FreezeDeps {
  /** The share in the console's main view: Freeze and Snapshot take it. */
  inView(): ShareId;
  share(id: ShareId): FreezableShare;
  /** Sends to the room; false while disconnected. */
  send(msg: ClientMessage): boolean;
  /** The snapshot API of the current session; null before one is started. */
  api(): SnapshotApi | null;
  /** A snapshot was stored (by this console). */
  saved(view: SnapshotView): void;
}

export interface FreezeControl {
  /** The Freeze and Snapshot buttons and what they say. */
  readonly controls: HTMLElement;
  /** The still, placed between the video and the overlay. */
  readonly still: HTMLImageElement;
  /** "Frozen" marker shown over the stage while frozen. */
  readonly badge: HTMLElement;
  /** The room's freeze changed (state on connect, or an event). */
  follow(signal: FreezeSignal): void;
  /** A new session: back to live, nothing pending. */
  reset(): void;
  /** Freeze and Snapshot need the customer's video: disabled (with a hint) while there is none. */
  setAvailable(on: boolean): void;
  /** A keyboard shortcut: presses Freeze (or Unfreeze) or Snapshot, when it is enabled. */
  press(which: FreezeButton): void;
  /** The console's main view shows another share: the still shows only over the share it was taken of. */
  viewChanged(): void;
}

/** The browser's means for the flow: frames from the share's video, snapshots through the session's API. */
function browserPorts(deps: FreezeDeps, make: SurfaceFactory): FreezePorts {
  return {
    inView: deps.inView,
    grab: async (shareId) => {
      const share = deps.share(shareId);
      const frame = grabFrame(share.video, make);
      const live = share.liveGeometry();
      return { shareId, frame, original: await frame.png(), geometry: frameGeometry(live, frame.size),
        cropKnown: live !== null };
    },
    save: async (api: SnapshotApi, f: Grabbed) => {
      const drawables = deps.share(f.shareId).drawables(f.geometry.source);
      const flattened = await flatten(f.frame, f.geometry, drawables, performance.now(), make).png();
      const annotations = snapshotDocument(f.frame.size, f.geometry, drawables, new Date(), f.cropKnown);
      return api.upload({ original: f.original, annotations, flattened });
    },
    load: async (api, snapshotId, shareId) => {
      const { original, geometry: known } = await api.still(snapshotId);
      const bitmap = await createImageBitmap(original);
      const size = { w: bitmap.width, h: bitmap.height };
      const frame = drawStill(bitmap, size, make);
      bitmap.close();
      return { shareId, snapshotId, frame, original, geometry: frameGeometry(known, size), cropKnown: known !== null,
        url: URL.createObjectURL(original) };
    },
    showGeometry: (id, g) => deps.share(id).showGeometry(g),
    send: deps.send,
    api: deps.api,
    saved: deps.saved,
    createUrl: (blob) => URL.createObjectURL(blob),
    revokeUrl: (url) => URL.revokeObjectURL(url),
  };
}

export function createFreezeControl(deps: FreezeDeps, make: SurfaceFactory = offscreenSurface): FreezeControl {
  const freeze = h('button', { type: 'button', 'aria-pressed': 'false', 'data-testid': 'freeze',
    'aria-keyshortcuts': 'Alt+Shift+F F',
    title: t('freeze.freezeTitle') }, t('freeze.freeze'));
  const snapshot = h('button', { type: 'button', 'data-testid': 'snapshot', 'aria-keyshortcuts': 'Alt+Shift+S S',
    title: t('freeze.snapshotTitle') }, t('freeze.snapshot'));
  const status = h('p', { class: 'muted', role: 'status', 'data-testid': 'freeze-status' });
  const still = h('img', { class: 'frozen-still', alt: t('freeze.still'), 'data-testid': 'agent-still', hidden: true });
  const badge = h('p', { class: 'frozen-badge', hidden: true }, t('freeze.badge'));

  const render = (s: FreezeState): void => {
    const look = freezeLook(s, deps.inView());
    freeze.setAttribute('aria-pressed', String(look.pressed));
    freeze.textContent = look.label;
    freeze.disabled = snapshot.disabled = look.disabled;
    badge.hidden = look.badgeHidden;
    still.hidden = look.stillHidden;
    status.textContent = s.status;
    // The still's source is set only when it changes: setting it again would decode the same image again.
    const f = s.frozen;
    if (!f) still.removeAttribute('src');
    else if (still.getAttribute('src') !== f.url) still.src = f.url;
    setData(still, 'shareId', f?.shareId);
    setData(still, 'snapshotId', f?.snapshotId ?? undefined);
  };
  const flow = new FreezeFlow(browserPorts(deps, make), render);
  freeze.addEventListener('click', () => void flow.press('freeze'));
  snapshot.addEventListener('click', () => void flow.press('snapshot'));

  render(flow.state);
  return {
    controls: h('div', { class: 'stack' }, h('div', { class: 'row', role: 'group', 'aria-label': t('freeze.frame') }, freeze, snapshot),
      status),
    still,
    badge,
    follow: (signal) => flow.follow(signal),
    reset: () => flow.reset(),
    setAvailable: (on) => flow.setAvailable(on),
    press: (which) => {
      const button = which === 'freeze' ? freeze : snapshot;
      if (!button.disabled) button.click();
    },
    viewChanged: () => render(flow.state),
  };
}

/** A data attribute that is absent (not empty) without a value: the browser tests read its presence. */
function setData(el: HTMLElement, key: string, value: string | undefined): void {
  if (value === undefined) delete el.dataset[key];
  else el.dataset[key] = value;
}
