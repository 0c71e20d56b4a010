/**
 * Freeze and Snapshot on the agent's console. *Freeze* grabs the remote video's current frame, shows it at once
 * under the overlay (so the agent draws on exactly that frame), uploads it as a snapshot and then tells the room
 * `freeze {on, snapshotId}`; *Unfreeze* tells `freeze {on:false}` and returns to the live video. *Snapshot* saves
 * the frame shown (the still while frozen, else the live frame) with the overlay flattened into it and the
 * drawings as JSON, then tells the room `snapshot.saved`. A freeze made by another agent (or found in the room's
 * state on connect) is shown the same way, from the stored original PNG.
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
import { drawStill, flatten, frameGeometry, grabFrame, NoFrameError, offscreenSurface, type Surface,
  type SurfaceFactory } from '../../media/frame';
import { type FreezeSignal, LatestOnly } from '../../media/freezeSync';
import type { SnapshotApi, SnapshotView } from '../../media/snapshotApi';
import { documentGeometry, snapshotDocument } from '../../media/snapshotDocument';
import { ApiError } from '../../session/roomApi';
import { h } from '../dom';
import { t, formatTime } from '../../i18n';

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
  press(which: 'freeze' | 'snapshot'): void;
  /** The console's main view shows another share: the still shows only over the share it was taken of. */
  viewChanged(): void;
}

interface Frozen {
  shareId: ShareId;
  snapshotId: string | null;
  frame: Surface;
  original: Blob;
  geometry: CropGeometry;
  cropKnown: boolean;
  url: string;
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
  const loads = new LatestOnly();
  let frozen: Frozen | null = null;
  let busy = false;
  let available = false;
  /** Between the click on Freeze and the room knowing the snapshot: a room state from before must not undo it. */
  let freezing = false;

  const render = (): void => {
    freeze.setAttribute('aria-pressed', String(frozen !== null));
    freeze.textContent = frozen ? t('freeze.unfreeze') : t('freeze.freeze');
    freeze.disabled = busy || !available;
    snapshot.disabled = busy || !available;
    badge.hidden = frozen === null;
    still.hidden = frozen === null || frozen.shareId !== deps.inView();
  };
  const say = (text: string): void => {
    status.textContent = text;
  };

  function show(f: Frozen): void {
    if (frozen) URL.revokeObjectURL(frozen.url);
    if (frozen && frozen.shareId !== f.shareId) deps.share(frozen.shareId).showGeometry(null);
    frozen = f;
    still.src = f.url;
    still.dataset.shareId = f.shareId;
    if (f.snapshotId) still.dataset.snapshotId = f.snapshotId;
    else delete still.dataset.snapshotId;
    deps.share(f.shareId).showGeometry(f.geometry);
    render();
  }

  function goLive(): void {
    loads.cancel();
    if (!frozen) return;
    URL.revokeObjectURL(frozen.url);
    const share = frozen.shareId;
    frozen = null;
    still.removeAttribute('src');
    delete still.dataset.snapshotId;
    delete still.dataset.shareId;
    deps.share(share).showGeometry(null);
    render();
  }

  /** The live frame of the share in view with what its overlay maps it through. */
  async function grabLive(): Promise<Omit<Frozen, 'snapshotId' | 'url'>> {
    const shareId = deps.inView();
    const share = deps.share(shareId);
    const frame = grabFrame(share.video, make);
    const live = share.liveGeometry();
    return { shareId, frame, original: await frame.png(), geometry: frameGeometry(live, frame.size),
      cropKnown: live !== null };
  }

  /** Uploads frame + flattened overlay + drawings as one snapshot. */
  async function save(api: SnapshotApi, f: Omit<Frozen, 'snapshotId' | 'url'>): Promise<SnapshotView> {
    const drawables = deps.share(f.shareId).drawables(f.geometry.source);
    const flattened = await flatten(f.frame, f.geometry, drawables, performance.now(), make).png();
    const annotations = snapshotDocument(f.frame.size, f.geometry, drawables, new Date(), f.cropKnown);
    return api.upload({ original: f.original, annotations, flattened });
  }

  async function startFreeze(api: SnapshotApi): Promise<void> {
    const grabbed = await grabLive();
    const mine: Frozen = { ...grabbed, snapshotId: null, url: URL.createObjectURL(grabbed.original) };
    loads.cancel();
    show(mine);
    say(t('freeze.saving'));
    freezing = true;
    try {
      const view = await save(api, grabbed);
      // Unfrozen meanwhile (another agent): the snapshot is stored, but nobody is frozen on it.
      if (frozen !== mine) return;
      mine.snapshotId = view.snapshotId;
      still.dataset.snapshotId = view.snapshotId;
      deps.saved(view);
      // The customer's share stays unnamed, as older clients send it.
      const on = grabbed.shareId === 'agent' ? { shareId: grabbed.shareId } : {};
      if (!deps.send({ type: 'freeze', on: true, snapshotId: view.snapshotId, ...on })) {
        throw new Error(t('freeze.notConnected'));
      }
      say(t('freeze.frozen'));
    } catch (e) {
      if (frozen === mine) goLive();
      throw e;
    } finally {
      freezing = false;
    }
  }

  function stopFreeze(): void {
    if (!deps.send({ type: 'freeze', on: false })) {
      say(t('freeze.unfreezeNotConnected'));
      return;
    }
    goLive();
    say(t('freeze.live'));
  }

  async function takeSnapshot(api: SnapshotApi): Promise<void> {
    say(t('freeze.savingSnapshot'));
    const view = await save(api, frozen && frozen.shareId === deps.inView() ? frozen : await grabLive());
    deps.saved(view);
    deps.send({ type: 'snapshot.saved', snapshotId: view.snapshotId });
    say(t('freeze.snapshotSaved', { time: formatTime(new Date(view.createdAt)) }));
  }

  /** Runs a button's action: one at a time, failures said in words. */
  const act = (action: (api: SnapshotApi) => Promise<void> | void) => async () => {
    const api = deps.api();
    if (busy) return;
    if (!api) {
      say(t('common.startSessionFirst'));
      return;
    }
    busy = true;
    render();
    try {
      await action(api);
    } catch (e) {
      say(e instanceof NoFrameError || e instanceof ApiError || e instanceof Error ? e.message
        : t('common.failedTryAgain'));
    } finally {
      busy = false;
      render();
    }
  };
  freeze.addEventListener('click', act((api) => (frozen ? stopFreeze() : startFreeze(api))));
  snapshot.addEventListener('click', act(takeSnapshot));

  /** A still frozen by someone else (or before this console connected): from the stored snapshot. */
  function loadStill(snapshotId: string, shareId: ShareId): void {
    const api = deps.api();
    if (!api) return;
    void loads.run(async () => {
      const [original, doc] = await Promise.all([
        api.download(snapshotId, 'original'),
        api.download(snapshotId, 'annotations').then((b) => b.text()).then((t) => JSON.parse(t) as unknown, () => null),
      ]);
      const bitmap = await createImageBitmap(original);
      const size = { w: bitmap.width, h: bitmap.height };
      const frame = drawStill(bitmap, size, make);
      bitmap.close();
      const known = documentGeometry(doc);
      return { shareId, snapshotId, frame, original, geometry: frameGeometry(known, size), cropKnown: known !== null,
        url: URL.createObjectURL(original) };
    }, (f: Frozen) => {
      show(f);
      say(t('freeze.frozenElsewhere'));
    }, () => say(t('freeze.loadFailed')));
  }

  render();
  return {
    controls: h('div', { class: 'stack' }, h('div', { class: 'row', role: 'group', 'aria-label': t('freeze.frame') }, freeze, snapshot),
      status),
    still,
    badge,
    follow: (signal) => {
      if (freezing) return;
      if (!signal.frozen) goLive();
      else if (signal.snapshotId && (frozen?.snapshotId !== signal.snapshotId || frozen.shareId !== signal.shareId)) {
        loadStill(signal.snapshotId, signal.shareId);
      }
    },
    reset: () => {
      goLive();
      say('');
    },
    setAvailable: (on) => {
      if (available === on) return;
      available = on;
      render();
      if (!on && !busy) say(t('freeze.waitForShare'));
      else if (on && status.textContent === t('freeze.waitForShare')) say('');
    },
    press: (which) => {
      const button = which === 'freeze' ? freeze : snapshot;
      if (!button.disabled) button.click();
    },
    viewChanged: render,
  };
}
