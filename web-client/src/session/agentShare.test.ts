import { describe, expect, it } from 'vitest';
import type { Peer } from '../generated/signal';
import type { PeerDeps } from '../signaling/peers';
import { FakePeer } from '../signaling/testing/fakePeer';
import { createAgentShare } from './agentShare';

const CUSTOMER: Peer = { id: 'cust', role: 'customer', name: '' };
const settle = () => new Promise((r) => setTimeout(r, 0));

function agentConsole() {
  const sent: { type: string }[] = [];
  const pcs: FakePeer[] = [];
  const signaling = { on: () => undefined, send: (m: { type: string }) => void sent.push(m) };
  const annotations = { onRoomState: () => undefined, send: () => undefined };
  const deps: PeerDeps = {
    createPeerConnection: () => {
      const pc = new FakePeer();
      pcs.push(pc);
      return pc as unknown as RTCPeerConnection;
    },
    iceServers: async () => [],
  };
  const share = createAgentShare(signaling as never, annotations as never, deps, () => [CUSTOMER]);
  return { share, sent, pcs };
}

describe('the agent\'s share connection', () => {
  it('is offered to the customer as the agent opens the screen picker, so the first frame does not wait for it', async () => {
    const { share, sent, pcs } = agentConsole();
    expect(pcs).toHaveLength(0); // no connection for a session in which the agent never shares
    share.choosing();
    await settle();
    expect(pcs).toHaveLength(1);
    expect(sent.some((m) => m.type === 'offer')).toBe(true);
    share.share({} as MediaStreamTrack);
    share.pickerClosed();
    await settle();
    expect(pcs).toHaveLength(1); // the share (and the next one) uses the connection made while picking
  });
});
