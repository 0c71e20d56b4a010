import { describe, expect, it } from 'vitest';
import type { CropGeometry } from '../annotations/mapping';
import type { ShareId } from '../annotations/roomDrawings';
import type { ClientMessage } from '../generated/annotation';
import type { Surface } from './frame';
import { type FreezeState, FreezeFlow, freezeLook, type FreezePorts, type Frozen, type Grabbed } from './freezeFlow';
import type { SnapshotApi, SnapshotView } from './snapshotApi';

const geometry: CropGeometry = { source: { w: 1920, h: 1080 }, crop: { x: 100, y: 50, w: 800, h: 600 } };
const frame = { size: { w: 800, h: 600 } } as unknown as Surface;
const API = {} as SnapshotApi;

/** A promise the test settles when it wants (an upload or a download in flight). */
function later<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const view = (snapshotId: string): SnapshotView => ({ snapshotId, createdAt: '2026-12-06T09:30:00Z' }) as SnapshotView;

function setup(opts: { connected?: boolean; api?: SnapshotApi | null } = {}) {
  const sent: ClientMessage[] = [];
  const geometries: string[] = [];
  const revoked: string[] = [];
  const saves: { frame: Grabbed; done: ReturnType<typeof later<SnapshotView>> }[] = [];
  const loads: { snapshotId: string; done: ReturnType<typeof later<Frozen>> }[] = [];
  const savedViews: string[] = [];
  const states: FreezeState[] = [];
  let urls = 0;
  let inView: ShareId = 'customer';
  const ports: FreezePorts = {
    inView: () => inView,
    grab: async (shareId) => ({ shareId, frame, original: new Blob(['png']), geometry, cropKnown: true }),
    save: (_api, f) => {
      const done = later<SnapshotView>();
      saves.push({ frame: f, done });
      return done.promise;
    },
    load: (_api, snapshotId) => {
      const done = later<Frozen>();
      loads.push({ snapshotId, done });
      return done.promise;
    },
    showGeometry: (share, g) => geometries.push(`${share}:${g ? g.crop.w : 'live'}`),
    send: (m) => {
      sent.push(m);
      return opts.connected ?? true;
    },
    api: () => (opts.api === undefined ? API : opts.api),
    saved: (v) => savedViews.push(v.snapshotId),
    createUrl: () => `blob:${++urls}`,
    revokeUrl: (url) => revoked.push(url),
  };
  const flow = new FreezeFlow(ports, (s) => states.push(s));
  flow.setAvailable(true);
  return { flow, sent, geometries, revoked, saves, loads, savedViews, states, view: (id: ShareId) => (inView = id) };
}

/** Lets the flow's awaits run (a grab, the code after an upload answered). */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('Freeze', () => {
  it('shows the still at once, and tells the room only once the snapshot is stored', async () => {
    const { flow, sent, saves, savedViews, geometries } = setup();
    const pressed = flow.press('freeze');
    await settle();
    expect(flow.state.frozen).toMatchObject({ shareId: 'customer', snapshotId: null, url: 'blob:1' });
    expect(flow.state.status).toBe('Saving the frozen frame…');
    expect(geometries).toEqual(['customer:800']);
    expect(sent).toEqual([]);
    saves[0].done.resolve(view('s1'));
    await pressed;
    expect(sent).toEqual([{ type: 'freeze', on: true, snapshotId: 's1' }]);
    expect(savedViews).toEqual(['s1']);
    expect(flow.state).toMatchObject({ busy: false, frozen: { snapshotId: 's1' } });
  });

  it('names the agent\'s own share in the freeze, and leaves the customer\'s unnamed', async () => {
    const { flow, sent, saves, view: show } = setup();
    show('agent');
    const pressed = flow.press('freeze');
    await settle();
    saves[0].done.resolve(view('s2'));
    await pressed;
    expect(sent).toEqual([{ type: 'freeze', on: true, snapshotId: 's2', shareId: 'agent' }]);
  });

  it('goes live again and says why when the room cannot be told', async () => {
    const { flow, saves, revoked, geometries } = setup({ connected: false });
    const pressed = flow.press('freeze');
    await settle();
    saves[0].done.resolve(view('s1'));
    await pressed;
    expect(flow.state.frozen).toBeNull();
    expect(flow.state.status).not.toBe('');
    expect(revoked).toEqual(['blob:1']);
    expect(geometries).toEqual(['customer:800', 'customer:live']);
  });

  it('goes live again when the upload fails, saying the service\'s words', async () => {
    const { flow, saves, sent } = setup();
    const pressed = flow.press('freeze');
    await settle();
    saves[0].done.reject(new Error('The snapshot is too large.'));
    await pressed;
    expect(flow.state).toMatchObject({ frozen: null, status: 'The snapshot is too large.', busy: false });
    expect(sent).toEqual([]);
  });

  it('ignores the room\'s state from before the freeze while the upload runs', async () => {
    const { flow, saves } = setup();
    const pressed = flow.press('freeze');
    await settle();
    flow.follow({ frozen: false });
    expect(flow.state.frozen).not.toBeNull();
    saves[0].done.resolve(view('s1'));
    await pressed;
    expect(flow.state.frozen?.snapshotId).toBe('s1');
  });

  it('runs one action at a time', async () => {
    const { flow, saves } = setup();
    const first = flow.press('freeze');
    await settle();
    await flow.press('snapshot');
    await flow.press('freeze');
    expect(saves).toHaveLength(1);
    saves[0].done.resolve(view('s1'));
    await first;
  });

  it('asks for a session first when there is none', async () => {
    const { flow, saves } = setup({ api: null });
    await flow.press('freeze');
    expect(flow.state.status).toBe('Start a session first.');
    expect(saves).toHaveLength(0);
  });

  it('unfreezes by telling the room, and stays frozen when it cannot', async () => {
    const frozen = setup();
    const pressed = frozen.flow.press('freeze');
    await settle();
    frozen.saves[0].done.resolve(view('s1'));
    await pressed;
    await frozen.flow.press('freeze');
    expect(frozen.sent.at(-1)).toEqual({ type: 'freeze', on: false });
    expect(frozen.flow.state.frozen).toBeNull();
    expect(frozen.revoked).toEqual(['blob:1']);

    const offline = setup({ connected: false });
    offline.flow.follow({ frozen: true, snapshotId: 's1', authorId: 'a2', shareId: 'customer' });
    offline.loads[0].done.resolve({ shareId: 'customer', snapshotId: 's1', frame, original: new Blob(['png']),
      geometry, cropKnown: true, url: 'blob:s1' });
    await settle();
    await offline.flow.press('freeze');
    expect(offline.flow.state.frozen?.snapshotId).toBe('s1');
    expect(offline.flow.state.status).toBe('Not connected to the session: try Unfreeze again once connected.');
  });
});

describe('Snapshot', () => {
  it('saves the still while frozen (the same original), else a live frame, and tells the room', async () => {
    const { flow, saves, sent, savedViews } = setup();
    const live = flow.press('snapshot');
    await settle();
    expect(saves[0].frame).not.toHaveProperty('url');
    saves[0].done.resolve(view('s1'));
    await live;
    expect(sent).toEqual([{ type: 'snapshot.saved', snapshotId: 's1' }]);
    expect(flow.state.status).toMatch(/^Snapshot saved/);

    const freezing = flow.press('freeze');
    await settle();
    saves[1].done.resolve(view('s2'));
    await freezing;
    const still = flow.state.frozen;
    const again = flow.press('snapshot');
    await settle();
    expect(saves[2].frame).toBe(still);
    saves[2].done.resolve(view('s3'));
    await again;
    expect(savedViews).toEqual(['s1', 's2', 's3']);
  });

  it('takes a live frame of the share in view when the still is of the other share', async () => {
    const { flow, saves, view: show } = setup();
    const freezing = flow.press('freeze');
    await settle();
    saves[0].done.resolve(view('s1'));
    await freezing;
    show('agent');
    const snap = flow.press('snapshot');
    await settle();
    expect(saves[1].frame.shareId).toBe('agent');
    saves[1].done.resolve(view('s2'));
    await snap;
  });
});

describe('a freeze made elsewhere', () => {
  const stored = (snapshotId: string, shareId: ShareId = 'customer'): Frozen => ({ shareId, snapshotId, frame,
    original: new Blob(['png']), geometry, cropKnown: true, url: `blob:${snapshotId}` });

  it('loads the room\'s still, and only the latest of two', async () => {
    const { flow, loads } = setup();
    flow.follow({ frozen: true, snapshotId: 's1', authorId: 'a2', shareId: 'customer' });
    flow.follow({ frozen: true, snapshotId: 's2', authorId: 'a2', shareId: 'customer' });
    loads[1].done.resolve(stored('s2'));
    loads[0].done.resolve(stored('s1'));
    await settle();
    expect(flow.state.frozen?.snapshotId).toBe('s2');
    expect(flow.state.status).toMatch(/^Frozen on a saved frame/);
  });

  it('does not load the still it already shows, and drops a load that an unfreeze overtook', async () => {
    const { flow, loads } = setup();
    flow.follow({ frozen: true, snapshotId: 's1', authorId: 'a2', shareId: 'customer' });
    loads[0].done.resolve(stored('s1'));
    await settle();
    flow.follow({ frozen: true, snapshotId: 's1', authorId: 'a2', shareId: 'customer' });
    expect(loads).toHaveLength(1);
    flow.follow({ frozen: true, snapshotId: 's3', authorId: 'a2', shareId: 'agent' });
    flow.follow({ frozen: false });
    loads[1].done.resolve(stored('s3', 'agent'));
    await settle();
    expect(flow.state.frozen).toBeNull();
  });

  it('moves the overlay of the share it leaves back to live when the still changes share', async () => {
    const { flow, loads, geometries, revoked } = setup();
    flow.follow({ frozen: true, snapshotId: 's1', authorId: 'a2', shareId: 'customer' });
    loads[0].done.resolve(stored('s1'));
    await settle();
    flow.follow({ frozen: true, snapshotId: 's2', authorId: 'a2', shareId: 'agent' });
    loads[1].done.resolve(stored('s2', 'agent'));
    await settle();
    expect(geometries).toEqual(['customer:800', 'customer:live', 'agent:800']);
    expect(revoked).toEqual(['blob:s1']);
  });

  it('says so when the still cannot be loaded', async () => {
    const { flow, loads } = setup();
    flow.follow({ frozen: true, snapshotId: 's1', authorId: 'a2', shareId: 'customer' });
    loads[0].done.reject(new Error('404'));
    await settle();
    expect(flow.state.frozen).toBeNull();
    expect(flow.state.status).toBe('The frozen frame could not be loaded.');
  });
});

describe('availability', () => {
  it('asks to wait for a picture while there is none, and clears only that hint', () => {
    const { flow } = setup();
    flow.setAvailable(false);
    expect(flow.state.status).toBe('Freeze and Snapshot work once the customer shares their screen.');
    flow.setAvailable(true);
    expect(flow.state.status).toBe('');
  });
});

describe('what the control shows', () => {
  const state = (s: Partial<FreezeState>): FreezeState => ({ frozen: null, busy: false, available: true, status: '', ...s });
  const still = { shareId: 'customer' } as Frozen;

  it('offers Unfreeze while frozen, and the still only over the share it was taken of', () => {
    expect(freezeLook(state({}), 'customer')).toEqual({ pressed: false, label: 'Freeze', disabled: false,
      badgeHidden: true, stillHidden: true });
    expect(freezeLook(state({ frozen: still }), 'customer')).toMatchObject({ pressed: true, label: 'Unfreeze',
      badgeHidden: false, stillHidden: false });
    expect(freezeLook(state({ frozen: still }), 'agent').stillHidden).toBe(true);
  });

  it('turns both buttons off while busy or without a picture', () => {
    expect(freezeLook(state({ busy: true }), 'customer').disabled).toBe(true);
    expect(freezeLook(state({ available: false }), 'customer').disabled).toBe(true);
  });
});
