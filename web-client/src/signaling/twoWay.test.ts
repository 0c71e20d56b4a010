/**
 * Two-way sharing: the customer and the agent both share, one connection per direction, each with its sharer as
 * the fixed offerer (peers.ts says why). Run under EVERY interleaving of what reaches the two pages (both shares
 * starting at once, candidates of both directions crossing, ICE failing in either direction on either side,
 * one share stopping): both directions must end connected with no description refused, each page showing the
 * other's stream on its current connection; and nothing done to one direction ever touches the other's
 * connections.
 */
import { describe, expect, it } from 'vitest';
import type { Peer } from '../generated/signal';
import { type PeerDeps, SharerPeers, ViewerPeers, viewersOfAgent } from './peers';
import { connected, FakePeer, type FakeStream } from './testing/fakePeer';
import { Channels, drain, Endpoint, everySchedule, type Item } from './testing/schedules';

const AGENT: Peer = { id: 'agent', role: 'agent', name: 'Ada' };
const CUSTOMER: Peer = { id: 'cust', role: 'customer', name: '' };
type Direction = 'customerShare' | 'agentShare';

/** Both pages, each with a sharing end (SharerPeers) and a viewing end (ViewerPeers) on one signaling client. */
class World {
  readonly channels = new Channels();
  /** Connections by direction and end: the customer's share runs cust(send) → agent(receive). */
  readonly pcs: Record<Direction, { send: FakePeer[]; receive: FakePeer[] }> = {
    customerShare: { send: [], receive: [] }, agentShare: { send: [], receive: [] } };
  readonly streams: Record<Direction, FakeStream | null> = { customerShare: null, agentShare: null };
  readonly customerEnd = new Endpoint(CUSTOMER.id, (c, i) => this.push(c, i));
  readonly agentEnd = new Endpoint(AGENT.id, (c, i) => this.push(c, i));
  customerSharer!: SharerPeers;
  agentSharer!: SharerPeers;

  constructor() {
    new ViewerPeers(this.agentEnd as never, this.deps('customerShare', 'receive'),
      (_f, s) => void (this.streams.customerShare = s as unknown as FakeStream | null));
    new ViewerPeers(this.customerEnd as never, this.deps('agentShare', 'receive'),
      (_f, s) => void (this.streams.agentShare = s as unknown as FakeStream | null), undefined,
      (p) => p.role === 'agent');
  }

  startCustomerShare(present: Peer[] = []) {
    this.customerSharer = new SharerPeers(this.customerEnd as never, {} as MediaStreamTrack,
      this.deps('customerShare', 'send'), present);
  }

  startAgentShare(present: Peer[] = []) {
    this.agentSharer = new SharerPeers(this.agentEnd as never, {} as MediaStreamTrack,
      this.deps('agentShare', 'send'), present, viewersOfAgent);
  }

  push(channel: string, item: Item) {
    this.channels.push(channel, item);
  }

  deps(direction: Direction, end: 'send' | 'receive'): PeerDeps {
    return {
      createPeerConnection: () => {
        const pc = new FakePeer();
        this.pcs[direction][end].push(pc);
        return pc as unknown as RTCPeerConnection;
      },
      iceServers: async () => [],
    };
  }

  ready(): string[] {
    return this.channels.ready();
  }

  deliver(channel: string) {
    const item = this.channels.take(channel);
    if (!item) return;
    (channel.endsWith('->cust') ? this.customerEnd : this.agentEnd).deliver(item);
  }

  live(direction: Direction, end: 'send' | 'receive'): FakePeer[] {
    return this.pcs[direction][end].filter((p) => !p.closed);
  }
}

function expectBothConnected(w: World, label: string) {
  const all = Object.values(w.pcs).flatMap((d) => [...d.send, ...d.receive]);
  expect(all.flatMap((p) => p.errors), label).toEqual([]);
  for (const direction of ['customerShare', 'agentShare'] as const) {
    const [send, receive] = [w.live(direction, 'send'), w.live(direction, 'receive')];
    expect([send.length, receive.length], `${label}: ${direction} open connections`).toEqual([1, 1]);
    expect(connected(send[0], receive[0]), `${label}: ${direction} connected`).toBe(true);
    expect(w.streams[direction], `${label}: ${direction} shown`).toEqual({ pc: receive[0].id });
  }
}

function everyScheduleOf(setup: (w: World) => Promise<void>): Promise<number> {
  return everySchedule(() => new World(), setup, expectBothConnected);
}

/** Both shares running, everything delivered in order. */
async function bothSharing(w: World): Promise<void> {
  w.startCustomerShare([AGENT]);
  w.startAgentShare([CUSTOMER]);
  await drain(w, [], []);
  expectBothConnected(w, 'setup');
}

/** Exploring every schedule takes seconds when the machine is busy (the whole suite runs in parallel). */
const EXHAUSTIVE = { timeout: 60_000 };

describe('two-way sharing under every interleaving', () => {
  it('both start sharing at once: offers from both ends cross, candidates of both directions interleave', EXHAUSTIVE, async () => {
    const runs = await everyScheduleOf(async (w) => {
      w.startCustomerShare([AGENT]);
      w.startAgentShare([CUSTOMER]);
    });
    // Fewer orders than one might think: each pair of pages talks over one socket each way, in order.
    expect(runs).toBeGreaterThan(30);
  });

  it('the agent starts sharing while the customer\'s share is being announced again', EXHAUSTIVE, async () => {
    const runs = await everyScheduleOf(async (w) => {
      w.startCustomerShare();
      w.startAgentShare();
      w.push('server->cust', { type: 'peer-joined', peer: AGENT, resumed: false });
      w.push('server->agent', { type: 'welcome', you: AGENT, peers: [CUSTOMER], resumed: false });
    });
    expect(runs).toBeGreaterThan(100);
  });

  it('ICE fails in both directions on both sides at any moment: each direction restarts only itself', EXHAUSTIVE, async () => {
    const runs = await everyScheduleOf(async (w) => {
      await bothSharing(w);
      w.push('net->agent', () => w.live('customerShare', 'receive')[0]?.iceFails());
      w.push('net->cust', () => w.live('agentShare', 'receive')[0]?.iceFails());
    });
    expect(runs).toBeGreaterThan(10);
  });
});

describe('one share stopping', () => {
  it('leaves the other direction untouched: no call on its connections, no new offer', async () => {
    const w = new World();
    await bothSharing(w);
    const customerShare = [...w.live('customerShare', 'send'), ...w.live('customerShare', 'receive')];
    const before = customerShare.map((p) => p.calls.length);
    const offers = w.pcs.customerShare.send[0].calls.filter((c) => c.startsWith('createOffer')).length;
    // The agent stops: its track comes off (the connection stays for a re-share), then the agent fails ICE on it.
    await w.agentSharer.setTrack(null);
    w.live('agentShare', 'send')[0].iceFails();
    await drain(w, [], []);
    expect(w.pcs.agentShare.send[0].track).toBeNull();
    expect(customerShare.map((p) => p.calls.length)).toEqual(before);
    expect(w.pcs.customerShare.send[0].calls.filter((c) => c.startsWith('createOffer')).length).toBe(offers);
    expectBothConnected(w, 'after the agent stopped');
    // The customer closes their share's connections altogether: the agent's share keeps its own.
    const agentShare = [...w.live('agentShare', 'send'), ...w.live('agentShare', 'receive')];
    const agentBefore = agentShare.map((p) => p.calls.length);
    w.customerSharer.close();
    await drain(w, [], []);
    expect(agentShare.map((p) => p.calls.length)).toEqual(agentBefore);
    expect(connected(w.live('agentShare', 'send')[0], w.live('agentShare', 'receive')[0])).toBe(true);
  });

  it('routes a candidate by the end it comes from, and one of an older client by its ICE ufrag', async () => {
    const w = new World();
    await bothSharing(w);
    const [customerReceives, customerSends] = [w.live('agentShare', 'receive')[0], w.live('customerShare', 'send')[0]];
    const ufrag = customerReceives.remoteUfrag;
    w.customerEnd.deliver({ type: 'candidate', from: 'agent', to: 'cust', candidate: 'candidate:marked',
      usernameFragment: ufrag, fromSharer: true });
    w.customerEnd.deliver({ type: 'candidate', from: 'agent', to: 'cust', candidate: 'candidate:unmarked',
      usernameFragment: ufrag });
    await drain(w, [], []);
    expect(customerReceives.calls).toContain('candidate candidate:marked');
    expect(customerReceives.calls).toContain('candidate candidate:unmarked');
    expect(customerSends.calls.filter((c) => c.includes('marked'))).toEqual([]);
    expect([...customerReceives.errors, ...customerSends.errors]).toEqual([]);
  });
});

describe('who sees the agent\'s share', () => {
  it('the customer and the observers, never another agent', () => {
    const peer = (role: Peer['role']): Peer => ({ id: role, role } as Peer);
    expect(viewersOfAgent(peer('customer'))).toBe(true);
    expect(viewersOfAgent(peer('observer'))).toBe(true);
    expect(viewersOfAgent(peer('agent'))).toBe(false);
  });
});
