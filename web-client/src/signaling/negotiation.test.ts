/**
 * The negotiation between one sharer and one viewer under EVERY interleaving of what reaches them: the room's
 * events (welcome, peer-joined, duplicates included), the two sides' offers, answers and candidates, and faults
 * (ICE failing on either side, a reload, a new share). Messages between two parties keep their order (one
 * WebSocket, one room channel); everything else interleaves freely. Each scenario is run once per schedule,
 * depth first, until every schedule was tried; every one must end with the two current connections connected,
 * no description refused, no connection left open, and the viewer showing the current connection's stream.
 */
import { describe, expect, it } from 'vitest';
import type { Peer } from '../generated/signal';
import { sdpIdentity } from './negotiation';
import { type PeerDeps, SharerPeers, ViewerPeers } from './peers';
import { connected, FakePeer, type FakeStream } from './testing/fakePeer';
import { Channels, drain, Endpoint, everySchedule, type Item } from './testing/schedules';

const AGENT: Peer = { id: 'agent', role: 'agent', name: 'Ada' };
const CUSTOMER: Peer = { id: 'cust', role: 'customer', name: '' };

class World {
  readonly channels = new Channels();
  readonly pcs: { sharer: FakePeer[]; viewer: FakePeer[] } = { sharer: [], viewer: [] };
  sharerEnd!: Endpoint;
  viewerEnd!: Endpoint;
  stream: FakeStream | null = null;
  sharer: SharerPeers | null = null;
  viewer: ViewerPeers | null = null;

  push(channel: string, item: Item) {
    this.channels.push(channel, item);
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
    this.sharerEnd = new Endpoint(CUSTOMER.id, (c, i) => this.push(c, i));
    this.sharer = new SharerPeers(this.sharerEnd as never, {} as MediaStreamTrack, this.deps('sharer'), present);
  }

  newViewer() {
    this.viewer?.close();
    this.viewerEnd = new Endpoint(AGENT.id, (c, i) => this.push(c, i));
    this.viewer = new ViewerPeers(this.viewerEnd as never, this.deps('viewer'),
      (_from, s) => void (this.stream = s as unknown as FakeStream | null));
  }

  ready(): string[] {
    return this.channels.ready();
  }

  deliver(channel: string) {
    const item = this.channels.take(channel);
    if (!item) return;
    if (channel.endsWith('->cust')) this.sharerEnd.deliver(item);
    else this.viewerEnd.deliver(item);
  }

  live(side: 'sharer' | 'viewer'): FakePeer[] {
    return this.pcs[side].filter((p) => !p.closed);
  }
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
 * Explores every schedule of a scenario (its setup runs in a fresh world per schedule); more than `atLeast` of them,
 * or the scenario did not interleave what it was meant to.
 */
async function everyScheduleOf(atLeast: number, setup: (w: World) => Promise<void>): Promise<void> {
  const runs = await everySchedule(() => new World(), setup, expectConnected);
  expect(runs, 'schedules explored').toBeGreaterThan(atLeast);
}

/** A sharer and a viewer already connected, with everything delivered in order. */
async function connectedPair(w: World): Promise<void> {
  w.newViewer();
  w.newSharer([AGENT]);
  await drain(w, [], []);
  expectConnected(w, 'setup');
}

describe('negotiation under every interleaving', () => {
  it('fresh room: welcome and peer-joined, listed twice, before or after the offer',
    () => everyScheduleOf(100, async (w) => {
      w.newViewer();
      w.newSharer();
      w.push('server->cust', { type: 'welcome', you: CUSTOMER, peers: [AGENT], resumed: false });
      w.push('server->cust', { type: 'peer-joined', peer: AGENT, resumed: false });
      w.push('server2->cust', { type: 'peer-joined', peer: AGENT, resumed: false });
      w.push('server->agent', { type: 'welcome', you: AGENT, peers: [CUSTOMER], resumed: false });
    }));

  it('share started after the viewer was listed, then listed again by a reconnect',
    () => everyScheduleOf(10, async (w) => {
      w.newViewer();
      w.newSharer([AGENT]);
      w.push('server->cust', { type: 'welcome', you: CUSTOMER, peers: [AGENT], resumed: true });
      w.push('server->cust', { type: 'peer-joined', peer: AGENT, resumed: true });
    }));

  it('the viewer reloads within the grace period (a new connection, the sharer keeps the old one)',
    () => everyScheduleOf(10, async (w) => {
      await connectedPair(w);
      w.newViewer();
      w.push('server->agent', { type: 'welcome', you: AGENT, peers: [CUSTOMER], resumed: true });
      w.push('server->cust', { type: 'peer-joined', peer: AGENT, resumed: true });
    }));

  it('the customer shares again (a new connection, the viewer keeps the old one)',
    () => everyScheduleOf(3, async (w) => {
      await connectedPair(w);
      w.newSharer([AGENT]);
      w.push('server->cust', { type: 'peer-joined', peer: AGENT, resumed: false });
    }));

  it('ICE fails on both sides at any moment (a network change), candidates of old and new ICE sessions interleaved',
    () => everyScheduleOf(10, async (w) => {
      await connectedPair(w);
      w.push('net->agent', () => w.live('viewer')[0]?.iceFails());
      w.push('net->cust', () => w.live('sharer')[0]?.iceFails());
    }));
});

describe('sdpIdentity', () => {
  it('reads the DTLS fingerprint and the ICE ufrag of a description', () => {
    const sdp = 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=ice-ufrag:Ab12\r\na=ice-pwd:x\r\n'
      + 'a=fingerprint:sha-256 AA:BB:CC\r\na=setup:actpass\r\n';
    expect(sdpIdentity(sdp)).toEqual({ fingerprint: 'sha-256 AA:BB:CC', ufrag: 'Ab12' });
  });
});
