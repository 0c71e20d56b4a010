/**
 * Freeze and Snapshot on the agent's console, as decisions without the DOM (ui/agent/freezeControl.ts shows them
 * and supplies the frame grabs, the uploads and the downloads through {@link FreezePorts}).
 *
 * *Freeze* grabs the live frame of the share in view, shows it at once (so the agent draws on exactly that frame),
 * uploads it as a snapshot and only then tells the room `freeze {on, snapshotId}`: the customer's page downloads
 * that snapshot, so it must exist first. *Unfreeze* tells `freeze {on: false}` and goes live. *Snapshot* saves the
 * frame shown (the still while frozen, else a live frame) and tells the room `snapshot.saved`. A freeze made by
 * another agent (or found in the room's state on connect) is loaded from its stored original.
 *
 * ```ts
 * FreezeState {
 *   frozen: Frozen | null   // the still shown, of one share (two-way sharing: the room has one freeze)
 *   busy: boolean           // a button's action runs: one at a time
 *   available: boolean      // the share in view has a picture (else both buttons are off, with a hint)
 *   status: string          // what the control says under its buttons
 * }
 * ```
 */
import type { CropGeometry } from '../annotations/mapping';
import type { ShareId } from '../annotations/roomDrawings';
import type { ClientMessage } from '../generated/annotation';
import { formatTime, t } from '../i18n';
import type { Surface } from './frame';
import { type FreezeSignal, LatestOnly } from './freezeSync';
import type { SnapshotApi, SnapshotView } from './snapshotApi';

/** A frame of one share with what its overlay maps it through. */
export interface Grabbed {
  shareId: ShareId;
  frame: Surface;
  /** The frame as PNG: the snapshot's `original` part. */
  original: Blob;
  geometry: CropGeometry;
  /** The crop was known when the frame was taken (else the geometry is the whole frame). */
  cropKnown: boolean;
}

/** The still shown: a grabbed or downloaded frame, its object URL and (once stored) its snapshot. */
export interface Frozen extends Grabbed {
  snapshotId: string | null;
  url: string;
}

export interface FreezeState {
  readonly frozen: Frozen | null;
  readonly busy: boolean;
  readonly available: boolean;
  readonly status: string;
}

/** What the flow needs from the page (the browser's, or a test's). */
export interface FreezePorts {
  /** The share in the console's main view: Freeze and Snapshot take it. */
  inView(): ShareId;
  /** The live frame of a share. */
  grab(share: ShareId): Promise<Grabbed>;
  /** Uploads the frame, its overlay flattened into it and the drawings, as one snapshot. */
  save(api: SnapshotApi, frame: Grabbed): Promise<SnapshotView>;
  /** A stored snapshot's original as a still, with its object URL. */
  load(api: SnapshotApi, snapshotId: string, shareId: ShareId): Promise<Frozen>;
  /** Maps a share's overlay through a still's geometry, or (null) through its live crop again. */
  showGeometry(share: ShareId, geometry: CropGeometry | null): void;
  /** Sends to the room; false while disconnected. */
  send(msg: ClientMessage): boolean;
  /** The snapshot API of the current session; null before one is started. */
  api(): SnapshotApi | null;
  /** A snapshot was stored (by this console). */
  saved(view: SnapshotView): void;
  createUrl(blob: Blob): string;
  revokeUrl(url: string): void;
}

export type FreezeButton = 'freeze' | 'snapshot';

/** What the control's elements show for a state (the still only over the share it was taken of). */
export function freezeLook(s: FreezeState, inView: ShareId) {
  return {
    pressed: s.frozen !== null,
    label: s.frozen ? t('freeze.unfreeze') : t('freeze.freeze'),
    disabled: s.busy || !s.available,
    badgeHidden: s.frozen === null,
    stillHidden: s.frozen === null || s.frozen.shareId !== inView,
  };
}

export class FreezeFlow {
  private frozen: Frozen | null = null;
  private busy = false;
  private available = false;
  private status = '';
  /** Between the click on Freeze and the room knowing the snapshot: a room state from before must not undo it. */
  private freezing = false;
  private readonly loads = new LatestOnly();

  /** `changed` runs after every change of the state (the view renders it). */
  constructor(private readonly ports: FreezePorts, private readonly changed: (s: FreezeState) => void) {}

  get state(): FreezeState {
    return { frozen: this.frozen, busy: this.busy, available: this.available, status: this.status };
  }

  /** A button: Freeze (Unfreeze while frozen) or Snapshot; one action at a time, failures said in words. */
  async press(button: FreezeButton): Promise<void> {
    if (this.busy) return;
    const api = this.ports.api();
    if (!api) {
      this.say(t('common.startSessionFirst'));
      return;
    }
    this.busy = true;
    this.emit();
    try {
      if (button === 'snapshot') await this.takeSnapshot(api);
      else if (this.frozen) this.stopFreeze();
      else await this.startFreeze(api);
    } catch (e) {
      this.say(e instanceof Error ? e.message : t('common.failedTryAgain'));
    } finally {
      this.busy = false;
      this.emit();
    }
  }

  /** The room's freeze changed (its state on connect, or an event). */
  follow(signal: FreezeSignal): void {
    if (this.freezing) return;
    if (!signal.frozen) this.goLive();
    else if (signal.snapshotId && (this.frozen?.snapshotId !== signal.snapshotId || this.frozen.shareId !== signal.shareId)) {
      this.loadStill(signal.snapshotId, signal.shareId);
    }
  }

  /** A new session, or none: back to live, nothing pending, nothing said. */
  reset(): void {
    this.goLive();
    this.say('');
  }

  /** Whether the share in view has a picture: without one both buttons are off, with a hint. */
  setAvailable(on: boolean): void {
    if (this.available === on) return;
    this.available = on;
    this.emit();
    if (!on && !this.busy) this.say(t('freeze.waitForShare'));
    else if (on && this.status === t('freeze.waitForShare')) this.say('');
  }

  private async startFreeze(api: SnapshotApi): Promise<void> {
    const grabbed = await this.ports.grab(this.ports.inView());
    const mine: Frozen = { ...grabbed, snapshotId: null, url: this.ports.createUrl(grabbed.original) };
    this.loads.cancel();
    this.show(mine);
    this.say(t('freeze.saving'));
    this.freezing = true;
    try {
      const view = await this.ports.save(api, grabbed);
      // Unfrozen meanwhile (another agent): the snapshot is stored, but nobody is frozen on it.
      if (this.frozen !== mine) return;
      mine.snapshotId = view.snapshotId;
      this.emit();
      this.ports.saved(view);
      // The customer's share stays unnamed, as older clients send it.
      const on = grabbed.shareId === 'agent' ? { shareId: grabbed.shareId } : {};
      if (!this.ports.send({ type: 'freeze', on: true, snapshotId: view.snapshotId, ...on })) {
        throw new Error(t('freeze.notConnected'));
      }
      this.say(t('freeze.frozen'));
    } catch (e) {
      if (this.frozen === mine) this.goLive();
      throw e;
    } finally {
      this.freezing = false;
    }
  }

  private stopFreeze(): void {
    if (!this.ports.send({ type: 'freeze', on: false })) {
      this.say(t('freeze.unfreezeNotConnected'));
      return;
    }
    this.goLive();
    this.say(t('freeze.live'));
  }

  private async takeSnapshot(api: SnapshotApi): Promise<void> {
    this.say(t('freeze.savingSnapshot'));
    const inView = this.ports.inView();
    const view = await this.ports.save(api, this.frozen?.shareId === inView ? this.frozen : await this.ports.grab(inView));
    this.ports.saved(view);
    this.ports.send({ type: 'snapshot.saved', snapshotId: view.snapshotId });
    this.say(t('freeze.snapshotSaved', { time: formatTime(new Date(view.createdAt)) }));
  }

  /** A still frozen by someone else (or before this console connected): from the stored snapshot. */
  private loadStill(snapshotId: string, shareId: ShareId): void {
    const api = this.ports.api();
    if (!api) return;
    void this.loads.run(() => this.ports.load(api, snapshotId, shareId), (f) => {
      this.show(f);
      this.say(t('freeze.frozenElsewhere'));
    }, () => this.say(t('freeze.loadFailed')));
  }

  private show(f: Frozen): void {
    const before = this.frozen;
    if (before) this.ports.revokeUrl(before.url);
    if (before && before.shareId !== f.shareId) this.ports.showGeometry(before.shareId, null);
    this.frozen = f;
    this.ports.showGeometry(f.shareId, f.geometry);
    this.emit();
  }

  private goLive(): void {
    this.loads.cancel();
    const before = this.frozen;
    if (!before) return;
    this.ports.revokeUrl(before.url);
    this.frozen = null;
    this.ports.showGeometry(before.shareId, null);
    this.emit();
  }

  private say(text: string): void {
    this.status = text;
    this.emit();
  }

  private emit(): void {
    this.changed(this.state);
  }
}
