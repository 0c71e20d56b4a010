/**
 * The room's freeze as both pages follow it: annotation-service states it in the room's `state` (every
 * connect, so a late joiner or a reconnect gets it) and as `freeze` events; {@link FreezeTracker} keeps the
 * latest and tells subscribers about changes only. {@link LatestOnly} runs the still's download so that only
 * the answer for the newest freeze is ever shown (a quick unfreeze or a second freeze makes an earlier,
 * slower download moot). Pure: no DOM.
 */
import type { Freeze } from '../generated/annotation';
import type { ServerEvent, ServerState } from '../generated/annotation-server';
import { shareOf, type ShareId } from '../annotations/roomDrawings';
import { Watched } from '../session/watched';

export type FreezeSignal =
  | { frozen: false }
  /**
   * snapshotId is null while the agent's upload has not named the still yet; shareId is the share frozen (two-way
   * sharing: the room has one freeze, on the customer's share or on the agent's).
   */
  | { frozen: true; snapshotId: string | null; authorId: string; shareId: ShareId };

export const LIVE: FreezeSignal = { frozen: false };

export function freezeOfState(s: Pick<ServerState, 'freeze'>): FreezeSignal {
  return s.freeze ? { frozen: true, snapshotId: s.freeze.snapshotId ?? null, authorId: s.freeze.authorId,
    shareId: shareOf(s.freeze) } : LIVE;
}

export function freezeOfEvent(e: Freeze, envelope: Pick<ServerEvent, 'authorId'>): FreezeSignal {
  return e.on ? { frozen: true, snapshotId: e.snapshotId ?? null, authorId: envelope.authorId, shareId: shareOf(e) }
    : LIVE;
}

/** The freeze as a view of {@code share} follows it: a freeze of the other share leaves this one live. */
export function freezeOn(signal: FreezeSignal, share: ShareId): FreezeSignal {
  return signal.frozen && signal.shareId !== share ? LIVE : signal;
}

export function sameFreeze(a: FreezeSignal, b: FreezeSignal): boolean {
  if (!a.frozen || !b.frozen) return a.frozen === b.frozen;
  return a.snapshotId === b.snapshotId && a.authorId === b.authorId && a.shareId === b.shareId;
}

/** What the tracker needs of the annotation client. */
export interface FreezeSource {
  onRoomState(handler: (s: ServerState) => void): void;
  on(type: 'freeze', handler: (e: Freeze, envelope: ServerEvent) => void): void;
}

export class FreezeTracker {
  private readonly freeze = new Watched<FreezeSignal>(LIVE);

  constructor(source: FreezeSource) {
    source.onRoomState((s) => this.set(freezeOfState(s)));
    source.on('freeze', (e, envelope) => this.set(freezeOfEvent(e, envelope)));
  }

  get(): FreezeSignal {
    return this.freeze.value!;
  }

  /** Calls the listener with the current freeze now and on every change; the returned function stops it. */
  subscribe(listener: (s: FreezeSignal) => void): () => void {
    return this.freeze.subscribe(listener);
  }

  private set(next: FreezeSignal): void {
    if (!sameFreeze(this.get(), next)) this.freeze.set(next);
  }
}

/** Runs async loads of which only the latest may take effect. */
export class LatestOnly {
  private generation = 0;

  /** Starts a load; apply (or fail) runs only if neither another run nor cancel() came meanwhile. */
  async run<T>(load: () => Promise<T>, apply: (value: T) => void, fail: (error: unknown) => void): Promise<void> {
    const mine = ++this.generation;
    try {
      const value = await load();
      if (mine === this.generation) apply(value);
    } catch (e) {
      if (mine === this.generation) fail(e);
    }
  }

  /** Whatever is loading now will not be applied. */
  cancel(): void {
    this.generation++;
  }
}
