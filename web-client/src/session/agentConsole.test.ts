import { describe, expect, it } from 'vitest';
import { CloseCodes } from '../signaling/closeCodes';
import { AgentConsole, CURRENT_ROOM_STORAGE, endedTextKey, restoreRoom } from './agentConsole';
import type { ActiveRoom, AgentAuth, CreatedRoom, JoinedRoom } from './roomApi';

const room = (roomId: string): CreatedRoom => ({ roomId, participantId: `agent-${roomId}`, joinCode: 'ABC123',
  inviteUrl: `https://coview.test/join/#invite=${roomId}`, expiresAt: '2026-12-06T10:00:00Z', token: `token-${roomId}` });

class FakeLink {
  left = 0;
  leave(): void {
    this.left++;
  }
}

const memory = () => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
};

const geometry = (w: number) => ({ source: { w: 1920, h: 1080 }, crop: { x: 0, y: 0, w, h: 600 } });

describe('the agent console\'s session', () => {
  it('remembers the running room for a reload and forgets it when the session ends', () => {
    const storage = memory();
    const state = new AgentConsole<FakeLink>(storage);
    state.start(room('r1'));
    expect(storage.items.get(CURRENT_ROOM_STORAGE)).toBe('r1');
    expect(state.snapshotApi).not.toBeNull();
    const told: string[] = [];
    state.onEnd((end) => told.push(`${end.room.roomId} ${end.reason}`));
    expect(state.end('ended')?.room.roomId).toBe('r1');
    expect(told).toEqual(['r1 ended']);
    expect(storage.items.has(CURRENT_ROOM_STORAGE)).toBe(false);
  });

  it('ends once, handing over the link still open, so what uses it can stop first', () => {
    const state = new AgentConsole<FakeLink>(memory());
    const session = state.start(room('r1'));
    const link = new FakeLink();
    expect(state.linkUp(session, link)).toBe(true);
    expect(state.link).toBe(link);
    const end = state.end('expired');
    expect(end).toEqual({ room: room('r1'), reason: 'expired', link });
    expect(link.left).toBe(0);
    expect(state.link).toBeNull();
    expect(state.end('ended')).toBeNull();
    expect(session.ended).toBe(true);
  });

  it('has nothing to end before the first session', () => {
    const state = new AgentConsole<FakeLink>(memory());
    expect(state.end('replaced')).toBeNull();
    expect(state.requestEnd()).toBeNull();
  });

  it('leaves a link that comes up after its session was replaced or ended', () => {
    const state = new AgentConsole<FakeLink>(memory());
    const first = state.start(room('r1'));
    state.end('replaced');
    const second = state.start(room('r2'));
    const late = new FakeLink();
    expect(state.linkUp(first, late)).toBe(false);
    expect(late.left).toBe(1);
    expect(state.link).toBeNull();
    expect(state.isCurrent(first)).toBe(false);
    expect(state.isCurrent(second)).toBe(true);
    state.end('ended');
    const afterEnd = new FakeLink();
    expect(state.linkUp(second, afterEnd)).toBe(false);
    expect(afterEnd.left).toBe(1);
  });

  it('counts a room-ended close after End as the agent\'s end, and as another\'s without it', () => {
    const state = new AgentConsole<FakeLink>(memory());
    const session = state.start(room('r1'));
    const close = { code: CloseCodes.ROOM_ENDED, reason: 'room ended: agent' };
    expect(state.closedReason(session, close)).toBe('ended-elsewhere');
    expect(state.requestEnd()).toBe(session);
    expect(state.closedReason(session, close)).toBe('ended');
    state.endRefused(session);
    expect(state.closedReason(session, close)).toBe('ended-elsewhere');
    expect(state.closedReason(session, { code: CloseCodes.ROOM_ENDED, reason: 'room ended: expired' })).toBe('expired');
  });

  it('tells the host page about each participant once per session, never about the agent', () => {
    const state = new AgentConsole<FakeLink>(memory());
    state.start(room('r1'));
    const agent = { id: 'a', name: '', role: 'agent' } as const;
    const customer = { id: 'c', name: 'Ann', role: 'customer' } as const;
    expect(state.arrived([agent, customer], 'a').map((p) => p.id)).toEqual(['c']);
    expect(state.arrived([agent, customer], 'a')).toEqual([]);
    state.start(room('r2'));
    expect(state.arrived([customer], 'a').map((p) => p.id)).toEqual(['c']);
  });

  it('says the customer\'s state only when the words change, and waits for a frame at a new share', () => {
    const state = new AgentConsole<FakeLink>(memory());
    const first = state.tellCustomer({ type: 'reset' });
    expect(first).toMatchObject({ label: 'Waiting for the customer to join', news: true, waitForFrame: false });
    expect(state.tellCustomer({ type: 'reset' }).news).toBe(false);
    expect(state.tellCustomer({ type: 'present', resumed: false }).news).toBe(true);
    const sharing = state.tellCustomer({ type: 'share', phase: 'sharing' });
    expect(sharing.waitForFrame).toBe(true);
    expect(sharing.view.phase).toBe('starting');
    const framed = state.tellCustomer({ type: 'frames' });
    expect(framed).toMatchObject({ label: '', news: true });
    expect(state.customer.phase).toBe('sharing');
  });

  it('maps each share\'s overlay through its frozen still while frozen, then through the live crop again', () => {
    const state = new AgentConsole<FakeLink>(memory());
    expect(state.customerCrop(geometry(800))).toBe(true);
    expect(state.showFrozen('customer', geometry(400))).toEqual(geometry(400));
    expect(state.customerCrop(geometry(900))).toBe(false);
    expect(state.showFrozen('customer', null)).toEqual(geometry(900));
    expect(state.ownContent(geometry(500))).toBe(true);
    expect(state.geometryOf('agent')).toEqual(geometry(500));
    state.showFrozen('agent', geometry(300));
    expect(state.ownContent(geometry(600))).toBe(false);
    expect(state.ownContent(null)).toBe(false);
    expect(state.showFrozen('agent', null)).toBeNull();
    expect(state.geometryOf('customer')).toEqual(geometry(900));
  });

  it('forgets the customer\'s crop at an end and at a new session', () => {
    const state = new AgentConsole<FakeLink>(memory());
    state.start(room('r1'));
    state.customerCrop(geometry(800));
    state.end('ended');
    expect(state.geometryOf('customer')).toBeNull();
    state.customerCrop(geometry(800));
    state.start(room('r2'));
    expect(state.geometryOf('customer')).toBeNull();
  });

  it('names the pending reference in its answer once, and forgets it with a new link', () => {
    const state = new AgentConsole<FakeLink>(memory());
    const session = state.start(room('r1'));
    state.linkUp(session, new FakeLink());
    state.referencePending({ referenceId: 'e1', url: 'https://example.com/a' });
    expect(state.referenceAnswered()).toEqual({ referenceId: 'e1', url: 'https://example.com/a' });
    expect(state.referenceAnswered()).toBeNull();
    state.referencePending({ referenceId: 'e2', url: 'https://example.com/b' });
    const next = state.start(room('r2'));
    state.linkUp(next, new FakeLink());
    expect(state.referenceAnswered()).toBeNull();
  });
});

describe('what the session panel says about an end', () => {
  it('says who ended it, and nothing when another session replaced it (the panel shows that one)', () => {
    expect(endedTextKey('ended')).toBe('agent.endedByYou');
    expect(endedTextKey('ended-elsewhere')).toBe('agent.endedElsewhere');
    expect(endedTextKey('expired')).toBe('agent.endedExpired');
    expect(endedTextKey('removed')).toBe('agent.ended');
    expect(endedTextKey('replaced')).toBeNull();
  });
});

describe('restoring the console\'s room after a reload', () => {
  const auth: AgentAuth = { agentKey: 'k' };
  const active = (roomId: string): ActiveRoom => ({ roomId, agentId: 'agent-1', createdAt: '', expiresAt: 'later',
    customerJoined: true, joinCode: null, inviteUrl: null });
  const api = (rooms: ActiveRoom[]) => ({
    activeRooms: async () => rooms,
    agentToken: async (_: AgentAuth, roomId: string) => ({ roomId, token: `fresh-${roomId}` }) as JoinedRoom,
  });

  it('rejoins the room this tab ran with a new token, as the same agent', async () => {
    const storage = memory();
    storage.setItem(CURRENT_ROOM_STORAGE, 'r1');
    expect(await restoreRoom(api([active('r0'), active('r1')]), storage, auth)).toEqual({ roomId: 'r1',
      participantId: 'agent-1', joinCode: '', inviteUrl: '', expiresAt: 'later', token: 'fresh-r1' });
  });

  it('forgets a room that is no longer live, and restores nothing without a room or a way to sign in', async () => {
    const storage = memory();
    expect(await restoreRoom(api([active('r1')]), storage, auth)).toBeNull();
    storage.setItem(CURRENT_ROOM_STORAGE, 'r1');
    expect(await restoreRoom(api([active('r1')]), storage, null)).toBeNull();
    expect(storage.items.get(CURRENT_ROOM_STORAGE)).toBe('r1');
    expect(await restoreRoom(api([]), storage, auth)).toBeNull();
    expect(storage.items.has(CURRENT_ROOM_STORAGE)).toBe(false);
  });
});
