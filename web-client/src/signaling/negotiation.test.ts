/**
 * The negotiation between one sharer and one viewer under EVERY interleaving of what reaches them: the room's
 * events (welcome, peer-joined, duplicates included), the two sides' offers, answers and candidates, and faults
 * (ICE failing on either side, a reload, a new share). Messages between two parties keep their order (one
 * WebSocket, one room channel); everything else interleaves freely. Each scenario is run once per schedule,
 * depth first, until every schedule was tried; every one must end with the two current connections connected,
 * no description refused, no connection left open, and the viewer showing the current connection's stream.
 */
import { describe, expect, it } from 'vitest';
import type { Peer, ServerSignal } from '../generated/signal';
import { sdpIdentity } from './negotiation';
import { type PeerDeps, SharerPeers, ViewerPeers } from './peers';
import { connected, FakePeer, type FakeStream } from './testing/fakePeer';

const AGENT: Peer = { id: 'agent', role: 'agent', name: 'Ada' };
const CUSTOMER: Peer = { id: 'cust', role: 'customer', name: '' };

type Handler = (m: ServerSignal) => void;

/** One participant's signaling client: handlers by type; what it sends goes into the world's channels. */
class Endpoint {
  private handlers = new Map<string, Handler[]>();
  constructor(private readonly self: string, private readonly world: World) {}
  on(type: string, h: Handler) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), h]);
  }
  send(m: { type: string; to?: string }): boolean {
    if (m.to) this.world.push(`${this.self}->${m.to}`, { ...m, from: this.self } as unknown as ServerSignal);
    return true;
  }
  deliver(m: ServerSignal) {
    (this.handlers.get(m.type) ?? []).forEach((h) => h(m));
  }
}

type Item = ServerSignal | (() => void);

class World {
  readonly channels = new Map<string, Item[]>();
  readonly pcs: { sharer: FakePeer[]; viewer: FakePeer[] } = { sharer: [], viewer: [] };
  sharerEnd!: Endpoint;
  viewerEnd!: Endpoint;
  stream: FakeStream | null = null;
  sharer: SharerPeers | null = null;
  viewer: ViewerPeers | null = null;

  push(channel: string, item: Item) {
    this.channels.set(channel, [...(this.channels.get(channel) ?? []), item]);
  }

  deps(side: 'sharer' | 'viewer'): PeerDeps {
    return {
      createPeerConnection: () => {
        const pc = new FakePeer();
        this.pcs[side].push(pc);
        return pc as unknown as RTCPeerConnection;
      },
      iceServers: async () => [],
    };
  }

  newSharer(present: Peer[] = []) {
    this.sharer?.close();
    this.sharerEnd = new Endpoint(CUSTOMER.id, this);
    this.sharer = new SharerPeers(this.sharerEnd as never, {} as MediaStreamTrack, this.deps('sharer'), present);
  }

  newViewer() {
    this.viewer?.close();
    this.viewerEnd = new Endpoint(AGENT.id, this);
    this.viewer = new ViewerPeers(this.viewerEnd as never, this.deps('viewer'),
      (_from, s) => void (this.stream = s as unknown as FakeStream | null));
  }

  /** Channel names that hold something, in a fixed order. */
  ready(): string[] {
    return [...this.channels.keys()].filter((k) => this.channels.get(k)!.length > 0).sort();
  }

  deliver(channel: string) {
    const item = this.channels.get(channel)!.shift()!;
    if (typeof item === 'function') item();
    else if (channel.endsWith('->cust')) this.sharerEnd.deliver(item);
    else this.viewerEnd.deliver(item);
  }

  live(side: 'sharer' | 'viewer'): FakePeer[] {
    return this.pcs[side].filter((p) => !p.closed);
  }
}

const settle = () => new Promise<void>((r) => setImmediate(r));

/** Runs the world until nothing is in flight, taking channel {@code schedule[i]} (mod choices) at step i. */
async function drain(world: World, schedule: number[], branching: number[]): Promise<void> {
  await settle();
  for (let step = 0; ; step++) {
    const ready = world.ready();
    if (ready.length === 0) return;
    if (step > 200) throw new Error('negotiation does not settle');
    branching.push(ready.length);
    world.deliver(ready[(schedule[step] ?? 0) % ready.length]);
    await settle();
  }
}

/** The next schedule in depth-first order after {@code schedule}, given how many choices each step had. */
function next(schedule: number[], branching: number[]): number[] | null {
  const s = branching.map((_, i) => schedule[i] ?? 0);
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] + 1 < branching[i]) return [...s.slice(0, i), s[i] + 1];
  }
  return null;
}

function expectConnected(world: World, label: string) {
  const [sharerPcs, viewerPcs] = [world.live('sharer'), world.live('viewer')];
  const errors = [...world.pcs.sharer, ...world.pcs.viewer].flatMap((p) => p.errors);
  expect(errors, label).toEqual([]);
  expect(sharerPcs.length, `${label}: open sharer connections`).toBe(1);
  expect(viewerPcs.length, `${label}: open viewer connections`).toBe(1);
  expect(connected(sharerPcs[0], viewerPcs[0]), `${label}: connected`).toBe(true);
  expect(world.stream, `${label}: the viewer shows the current connection`).toEqual({ pc: viewerPcs[0].id });
}

/**
 * Explores every schedule of {@code scenario}: its setup (run once per schedule, in a fresh world) and the
 * messages and faults it queues. Returns how many schedules ran.
 */
async function everySchedule(setup: (w: World) => Promise<void>): Promise<number> {
  let schedule: number[] | null = [];
  let runs = 0;
  while (schedule) {
    const world = new World();
    const branching: number[] = [];
    await setup(world);
    await drain(world, schedule, branching);
    expectConnected(world, `schedule [${schedule.join(',')}]`);
    runs++;
    schedule = next(schedule, branching);
  }
  return runs;
}

/** A sharer and a viewer already connected, with everything delivered in order. */
async function connectedPair(w: World): Promise<void> {
  w.newViewer();
  w.newSharer([AGENT]);
  await drain(w, [], []);
  expectConnected(w, 'setup');
}

describe('negotiation under every interleaving', () => {
  it('fresh room: welcome and peer-joined, listed twice, before or after the offer', async () => {
    const runs = await everySchedule(async (w) => {
      w.newViewer();
      w.newSharer();
      w.push('server->cust', { type: 'welcome', you: CUSTOMER, peers: [AGENT], resumed: false });
      w.push('server->cust', { type: 'peer-joined', peer: AGENT, resumed: false });
      w.push('server2->cust', { type: 'peer-joined', peer: AGENT, resumed: false });
      w.push('server->agent', { type: 'welcome', you: AGENT, peers: [CUSTOMER], resumed: false });
    });
    expect(runs).toBeGreaterThan(100);
  });

  it('share started after the viewer was listed, then listed again by a reconnect', async () => {
    const runs = await everySchedule(async (w) => {
      w.newViewer();
      w.newSharer([AGENT]);
      w.push('server->cust', { type: 'welcome', you: CUSTOMER, peers: [AGENT], resumed: true });
      w.push('server->cust', { type: 'peer-joined', peer: AGENT, resumed: true });
    });
    expect(runs).toBeGreaterThan(10);
  });

  it('the viewer reloads within the grace period (a new connection, the sharer keeps the old one)', async () => {
    const runs = await everySchedule(async (w) => {
      await connectedPair(w);
      w.newViewer();
      w.push('server->agent', { type: 'welcome', you: AGENT, peers: [CUSTOMER], resumed: true });
      w.push('server->cust', { type: 'peer-joined', peer: AGENT, resumed: true });
    });
    expect(runs).toBeGreaterThan(10);
  });

  it('the customer shares again (a new connection, the viewer keeps the old one)', async () => {
    const runs = await everySchedule(async (w) => {
      await connectedPair(w);
      w.newSharer([AGENT]);
      w.push('server->cust', { type: 'peer-joined', peer: AGENT, resumed: false });
    });
    expect(runs).toBeGreaterThan(3);
  });

  it('ICE fails on both sides at any moment (a network change), candidates of old and new ICE sessions interleaved', async () => {
    const runs = await everySchedule(async (w) => {
      await connectedPair(w);
      w.push('net->agent', () => w.live('viewer')[0]?.iceFails());
      w.push('net->cust', () => w.live('sharer')[0]?.iceFails());
    });
    expect(runs).toBeGreaterThan(10);
  });
});

describe('sdpIdentity', () => {
  it('reads the DTLS fingerprint and the ICE ufrag of a description', () => {
    const sdp = 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=ice-ufrag:Ab12\r\na=ice-pwd:x\r\n'
      + 'a=fingerprint:sha-256 AA:BB:CC\r\na=setup:actpass\r\n';
    expect(sdpIdentity(sdp)).toEqual({ fingerprint: 'sha-256 AA:BB:CC', ufrag: 'Ab12' });
  });
});
