import { describe, expect, it } from 'vitest';
import { type PeerDeps, SharerPeers, ViewerPeers } from './peers';
import { SignalingClient } from './signalingClient';
import type { WebSocketLike } from './socket';
import { FakePeer, fakeSdp } from './testing/fakePeer';

function setup() {
  const sent: Record<string, unknown>[] = [];
  let ws!: WebSocketLike & { onmessage: (ev: MessageEvent) => void };
  const client = new SignalingClient('ws://x', () => 't', () => undefined, {
    open: () => {
      ws = { readyState: 1, send: (d: string) => sent.push(JSON.parse(d)), close: () => undefined,
        onopen: null, onclose: null, onerror: null, onmessage: () => undefined } as never;
      return ws;
    },
    setTimeout: () => 0,
    clearTimeout: () => undefined,
  });
  client.connect();
  const pcs: FakePeer[] = [];
  // Every fetch hands out a new TURN credential, as room-service does; `fetchFails` makes the next fetches fail.
  const ice = { fetched: 0, fetchFails: false };
  const deps: PeerDeps = {
    createPeerConnection: (config) => {
      const pc = new FakePeer();
      pc.configuration = { ...config, iceTransportPolicy: 'relay' };
      pcs.push(pc);
      return pc as unknown as RTCPeerConnection;
    },
    iceServers: async () => {
      if (ice.fetchFails) throw new Error('room-service unreachable');
      return [{ urls: 'turn:turn.example', username: `credential-${++ice.fetched}`, credential: 'secret' }];
    },
  };
  const receive = (m: unknown) => ws.onmessage({ data: JSON.stringify(m) } as MessageEvent);
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { client, sent, pcs, deps, receive, settle, ice };
}

const agent = { id: 'agent-1', role: 'agent', name: 'Ada' };
const customer = { id: 'cust-1', role: 'customer', name: '' };

/** A sharer whose connection to the agent has the agent's answer (ICE ufrag `va`). */
async function answeredSharer() {
  const s = setup();
  new SharerPeers(s.client, {} as MediaStreamTrack, s.deps);
  s.receive({ type: 'peer-joined', peer: agent, resumed: false });
  await s.settle();
  s.receive({ type: 'answer', from: 'agent-1', to: 'cust-1', sdp: fakeSdp('sha-256 VIEWER', 'va') });
  await s.settle();
  return s;
}

describe('SharerPeers', () => {
  it('offers a send-only connection to each viewer already in the room, keeping the resolution', async () => {
    const s = setup();
    new SharerPeers(s.client, {} as MediaStreamTrack, s.deps);
    s.receive({ type: 'welcome', you: customer, peers: [agent], resumed: false });
    await s.settle();
    expect(s.pcs).toHaveLength(1);
    expect(s.pcs[0].calls.slice(0, 3)).toEqual(['addTransceiver sendonly', 'createOffer restart=false', 'local offer']);
    expect(s.pcs[0].params.degradationPreference).toBe('maintain-resolution');
    expect(s.sent).toContainEqual({ type: 'offer', to: 'agent-1', sdp: fakeSdp(s.pcs[0].fingerprint, s.pcs[0].localUfrag) });
  });

  it('applies the answer and candidates from that viewer, and relays its own candidates', async () => {
    const s = setup();
    new SharerPeers(s.client, {} as MediaStreamTrack, s.deps);
    s.receive({ type: 'peer-joined', peer: agent, resumed: false });
    await s.settle();
    s.receive({ type: 'candidate', from: 'agent-1', to: 'cust-1', candidate: 'candidate:0', usernameFragment: 'va' });
    s.receive({ type: 'answer', from: 'agent-1', to: 'cust-1', sdp: fakeSdp('sha-256 VIEWER', 'va') });
    s.receive({ type: 'candidate', from: 'agent-1', to: 'cust-1', candidate: 'candidate:1' });
    s.pcs[0].onicecandidate!({ candidate: { candidate: 'candidate:2', sdpMid: '0', sdpMLineIndex: 0, usernameFragment: 'u' } });
    await s.settle();
    const calls = s.pcs[0].calls;
    expect(calls.indexOf('candidate candidate:0')).toBeGreaterThan(calls.indexOf('remote answer'));
    expect(calls).toContain('candidate candidate:1');
    expect(s.sent).toContainEqual({ type: 'candidate', to: 'agent-1', candidate: 'candidate:2', sdpMid: '0',
      sdpMLineIndex: 0, usernameFragment: 'u', fromSharer: true });
  });

  it('restarts ICE with a new offer when the connection fails, and closes it when the viewer leaves', async () => {
    const s = await answeredSharer();
    s.pcs[0].iceFails();
    await s.settle();
    expect(s.pcs[0].calls).toContain('createOffer restart=true');
    expect(s.sent.filter((m) => m.type === 'offer')).toHaveLength(2);
    s.receive({ type: 'peer-left', id: 'agent-1', reason: 'left' });
    expect(s.pcs[0].calls.at(-1)).toBe('close');
  });

  it('fetches fresh ICE servers before an ICE restart and keeps the rest of the configuration', async () => {
    const s = await answeredSharer();
    expect(s.pcs[0].configuration.iceServers).toEqual([expect.objectContaining({ username: 'credential-1' })]);
    s.pcs[0].iceFails();
    await s.settle();
    const calls = s.pcs[0].calls;
    const set = calls.findIndex((c) => c.startsWith('setConfiguration') && c.includes('credential-2'));
    expect(set).toBeGreaterThan(-1);
    expect(set).toBeLessThan(calls.indexOf('createOffer restart=true'));
    expect(s.pcs[0].configuration).toMatchObject({ iceTransportPolicy: 'relay',
      iceServers: [expect.objectContaining({ username: 'credential-2' })] });
    // The viewer asks again (its ICE failed too): fetched again, not the credential of the first restart.
    s.receive({ type: 'answer', from: 'agent-1', to: 'cust-1', sdp: fakeSdp('sha-256 VIEWER', 'vb') });
    s.receive({ type: 'restart', from: 'agent-1', to: 'cust-1' });
    await s.settle();
    expect(s.pcs[0].configuration.iceServers).toEqual([expect.objectContaining({ username: 'credential-3' })]);
    expect(s.sent.filter((m) => m.type === 'offer')).toHaveLength(3);
  });

  it('restarts with the servers it has when the fresh ones cannot be fetched', async () => {
    const s = await answeredSharer();
    s.ice.fetchFails = true;
    s.pcs[0].iceFails();
    await s.settle();
    expect(s.pcs[0].calls.some((c) => c.startsWith('setConfiguration'))).toBe(false);
    expect(s.pcs[0].calls).toContain('createOffer restart=true');
    expect(s.sent.filter((m) => m.type === 'offer')).toHaveLength(2);
  });

  it('offers to the viewers already present when sharing starts after joining', async () => {
    const s = setup();
    new SharerPeers(s.client, {} as MediaStreamTrack, s.deps, [agent as never, customer as never]);
    await s.settle();
    expect(s.pcs).toHaveLength(1);
    expect(s.sent.filter((m) => m.type === 'offer')).toHaveLength(1);
  });

  it('stops answering room events once closed', async () => {
    const s = setup();
    const peers = new SharerPeers(s.client, {} as MediaStreamTrack, s.deps);
    peers.close();
    s.receive({ type: 'peer-joined', peer: agent, resumed: false });
    await s.settle();
    expect(s.pcs).toHaveLength(0);
  });

  it('connects ahead of the share, then sends the track without a new offer, on later connections too', async () => {
    const s = setup();
    const peers = new SharerPeers(s.client, null, s.deps);
    s.receive({ type: 'welcome', you: customer, peers: [agent], resumed: false });
    await s.settle();
    expect(s.pcs[0].track).toBe('video');
    const track = { id: 'crop' } as unknown as MediaStreamTrack;
    await peers.setTrack(track);
    expect(s.pcs[0].track).toBe(track);
    s.receive({ type: 'peer-joined', peer: { ...agent, id: 'observer-1', role: 'observer' }, resumed: false });
    await s.settle();
    expect(s.pcs[1].track).toBe(track);
    await peers.setTrack(null);
    expect(s.pcs.map((p) => p.track)).toEqual([null, null]);
    expect(s.sent.filter((m) => m.type === 'offer')).toHaveLength(2);
  });

  it('caps each sender\'s bitrate by the crop\'s area and follows crop changes', async () => {
    const s = setup();
    const peers = new SharerPeers(s.client, null, s.deps, [agent as never]);
    await s.settle();
    peers.setCropSize({ w: 1280, h: 720 });
    await s.settle();
    expect((s.pcs[0].params.encodings as RTCRtpEncodingParameters[])[0].maxBitrate).toBe(2_764_800);
    peers.setCropSize({ w: 640, h: 360 });
    await s.settle();
    expect((s.pcs[0].params.encodings as RTCRtpEncodingParameters[])[0].maxBitrate).toBe(691_200);
    expect(s.pcs[0].params.degradationPreference).toBe('maintain-resolution');
  });

  it('offers nothing to another customer', async () => {
    const s = setup();
    new SharerPeers(s.client, {} as MediaStreamTrack, s.deps);
    s.receive({ type: 'peer-joined', peer: { ...customer, id: 'cust-2' }, resumed: false });
    await s.settle();
    expect(s.pcs).toHaveLength(0);
  });
});

describe('ViewerPeers', () => {
  it('keeps candidates that arrive before the connection exists and applies them after the offer', async () => {
    const s = setup();
    new ViewerPeers(s.client, s.deps, () => undefined);
    s.receive({ type: 'candidate', from: 'cust-1', to: 'agent-1', candidate: 'candidate:early', usernameFragment: 'ca' });
    s.receive({ type: 'offer', from: 'cust-1', to: 'agent-1', sdp: fakeSdp('sha-256 SHARER', 'ca') });
    await s.settle();
    expect(s.pcs[0].calls.indexOf('candidate candidate:early')).toBeGreaterThan(s.pcs[0].calls.indexOf('remote offer off'));
  });

  it('answers an offer and reports the stream, asks for a restart when ICE fails', async () => {
    const s = setup();
    const streams: [string, unknown][] = [];
    new ViewerPeers(s.client, s.deps, (from, stream) => streams.push([from, stream]));
    s.receive({ type: 'offer', from: 'cust-1', to: 'agent-1', sdp: fakeSdp('sha-256 SHARER', 'ca') });
    await s.settle();
    expect(s.pcs[0].calls).toEqual(['remote offer', 'local answer']);
    expect(s.sent).toContainEqual({ type: 'answer', to: 'cust-1', sdp: fakeSdp(s.pcs[0].fingerprint, s.pcs[0].localUfrag) });
    expect(streams).toEqual([['cust-1', { pc: s.pcs[0].id }]]);
    s.pcs[0].iceFails();
    expect(s.sent).toContainEqual({ type: 'restart', to: 'cust-1' });
  });

  it('hands out the stream of a connection made ahead of the share early, and reports it with its first packets', async () => {
    const s = setup();
    const early: unknown[] = [];
    const streams: unknown[] = [];
    FakePeer.remoteMuted = true;
    try {
      new ViewerPeers(s.client, s.deps, (_from, stream) => streams.push(stream), (_from, stream) => early.push(stream));
      s.receive({ type: 'offer', from: 'cust-1', to: 'agent-1', sdp: fakeSdp('sha-256 SHARER', 'ca') });
      await s.settle();
      expect(early).toEqual([{ pc: s.pcs[0].id }]);
      expect(streams).toEqual([]);
      s.pcs[0].unmute();
      expect(streams).toEqual([early[0]]);
    } finally {
      FakePeer.remoteMuted = false;
    }
  });

  it('sets fresh ICE servers before answering an ICE restart, and only then', async () => {
    const s = setup();
    new ViewerPeers(s.client, s.deps, () => undefined);
    s.receive({ type: 'offer', from: 'cust-1', to: 'agent-1', sdp: fakeSdp('sha-256 SHARER', 'ca') });
    await s.settle();
    // The same ICE session offered again (a renegotiation): the servers stay.
    s.receive({ type: 'offer', from: 'cust-1', to: 'agent-1', sdp: fakeSdp('sha-256 SHARER', 'ca') });
    await s.settle();
    expect(s.pcs[0].calls.some((c) => c.startsWith('setConfiguration'))).toBe(false);
    // A new ufrag: the sharer restarted ICE.
    s.receive({ type: 'offer', from: 'cust-1', to: 'agent-1', sdp: fakeSdp('sha-256 SHARER', 'cb') });
    await s.settle();
    const calls = s.pcs[0].calls;
    const set = calls.findIndex((c) => c.startsWith('setConfiguration') && c.includes('credential-2'));
    expect(set).toBeGreaterThan(calls.lastIndexOf('local answer', set));
    expect(set).toBeLessThan(calls.lastIndexOf('remote offer'));
    expect(s.pcs[0].configuration).toMatchObject({ iceTransportPolicy: 'relay',
      iceServers: [expect.objectContaining({ username: 'credential-2' })] });
    expect(s.sent.filter((m) => m.type === 'answer')).toHaveLength(3);
  });
});
