import { describe, expect, it } from 'vitest';
import type { Freeze } from '../generated/annotation';
import type { ServerEvent, ServerState } from '../generated/annotation-server';
import { type FreezeSignal, type FreezeSource, freezeOn, FreezeTracker, LIVE, LatestOnly } from './freezeSync';

function source() {
  let state: (s: ServerState) => void = () => undefined;
  let freeze: (e: Freeze, env: ServerEvent) => void = () => undefined;
  const src: FreezeSource = { onRoomState: (h) => (state = h), on: (_t, h) => (freeze = h) };
  const stateOf = (f?: { authorId: string; snapshotId?: string; shareId?: 'customer' | 'agent' }) =>
    state({ type: 'state', seq: 1, elements: [], masks: [], paused: false, history: [], ...(f ? { freeze: f } : {}) });
  const event = (e: Omit<Freeze, 'type'>, authorId = 'agent') =>
    freeze({ type: 'freeze', ...e }, { type: 'event', eventId: 'e', roomId: 'r', authorId, ts: 0, event: { type: 'freeze', ...e } });
  return { src, stateOf, event };
}

describe('FreezeTracker', () => {
  it('follows the room state and freeze events, telling only changes', () => {
    const s = source();
    const tracker = new FreezeTracker(s.src);
    const seen: FreezeSignal[] = [];
    tracker.subscribe((f) => seen.push(f));
    s.stateOf(); // live, as it already was: no change
    s.event({ on: true, snapshotId: 'snap1' }, 'a1');
    s.event({ on: true, snapshotId: 'snap1' }, 'a1'); // repeated
    s.event({ on: false });
    expect(seen).toEqual([
      { frozen: false },
      { frozen: true, snapshotId: 'snap1', authorId: 'a1', shareId: 'customer' },
      { frozen: false },
    ]);
  });

  it('gives a late joiner the freeze from the room state, and drops it when a reconnect says live', () => {
    const s = source();
    const tracker = new FreezeTracker(s.src);
    s.stateOf({ authorId: 'a1', snapshotId: 'snap9' });
    expect(tracker.get()).toEqual({ frozen: true, snapshotId: 'snap9', authorId: 'a1', shareId: 'customer' });
    const later: FreezeSignal[] = [];
    const stop = tracker.subscribe((f) => later.push(f));
    s.stateOf();
    stop();
    s.event({ on: true, snapshotId: 'x' });
    expect(later).toEqual([{ frozen: true, snapshotId: 'snap9', authorId: 'a1', shareId: 'customer' }, { frozen: false }]);
  });
});

describe('a freeze on either share (two-way sharing)', () => {
  it('names the share frozen, from events and from the state a rejoiner gets', () => {
    const s = source();
    const tracker = new FreezeTracker(s.src);
    s.event({ on: true, snapshotId: 'own1', shareId: 'agent' }, 'a1');
    expect(tracker.get()).toEqual({ frozen: true, snapshotId: 'own1', authorId: 'a1', shareId: 'agent' });
    s.stateOf({ authorId: 'a1', snapshotId: 'own1', shareId: 'agent' }); // a reconnect: the same freeze
    const seen: FreezeSignal[] = [];
    tracker.subscribe((f) => seen.push(f));
    // The same still frozen on the other share is another freeze.
    s.event({ on: true, snapshotId: 'own1' }, 'a1');
    expect(seen.map((f) => f.frozen && f.shareId)).toEqual(['agent', 'customer']);
  });

  it('leaves the view of the other share live', () => {
    const onAgent: FreezeSignal = { frozen: true, snapshotId: 's', authorId: 'a', shareId: 'agent' };
    expect(freezeOn(onAgent, 'agent')).toBe(onAgent);
    expect(freezeOn(onAgent, 'customer')).toEqual(LIVE);
    expect(freezeOn(LIVE, 'agent')).toEqual(LIVE);
  });
});

describe('LatestOnly', () => {
  it('applies only the newest load', async () => {
    const latest = new LatestOnly();
    const applied: string[] = [];
    let releaseSlow: (v: string) => void = () => undefined;
    const slow = latest.run(() => new Promise<string>((r) => (releaseSlow = r)), (v) => applied.push(v), () => undefined);
    const fast = latest.run(async () => 'second', (v) => applied.push(v), () => undefined);
    await fast;
    releaseSlow('first');
    await slow;
    expect(applied).toEqual(['second']);
  });

  it('drops a load cancelled meanwhile, failures included', async () => {
    const latest = new LatestOnly();
    const out: string[] = [];
    let fail: (e: Error) => void = () => undefined;
    const run = latest.run(() => new Promise<string>((_r, rej) => (fail = rej)), (v) => out.push(v), () => out.push('failed'));
    latest.cancel();
    fail(new Error('x'));
    await run;
    expect(out).toEqual([]);
    await latest.run(() => Promise.reject(new Error('y')), (v: string) => out.push(v), () => out.push('failed'));
    expect(out).toEqual(['failed']);
  });
});
