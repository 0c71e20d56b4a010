import { describe, expect, it } from 'vitest';
import { CloseCodes } from '../signaling/closeCodes';
import { ObserverSession } from './observerSession';

class FakeLink {
  left = 0;
  leave(): void {
    this.left++;
  }
}

const closed = (reason: string) => ({ type: 'agent', signal: { type: 'socket', state: 'closed',
  close: { code: CloseCodes.ROOM_ENDED, reason } } }) as const;

describe('the observer page\'s session', () => {
  it('shows the two sentences while the session runs', () => {
    const session = new ObserverSession<FakeLink>();
    const update = session.tell({ type: 'agent', signal: { type: 'socket', state: 'connected' } });
    expect(update.ended).toBe(false);
    expect(update).toHaveProperty('customer');
    expect(update).toHaveProperty('agent');
  });

  it('ends once, with the close\'s reason, and lets go of the link at that moment', () => {
    const session = new ObserverSession<FakeLink>();
    const link = new FakeLink();
    expect(session.linkUp(link)).toBe(true);
    expect(session.tell(closed('room ended: agent'))).toEqual({ ended: true, reason: 'agent', first: true });
    expect(link.left).toBe(1);
    expect(session.isOver).toBe(true);
    expect(session.tell({ type: 'customer', signal: { type: 'frames' } }))
      .toEqual({ ended: true, reason: 'agent', first: false });
    expect(link.left).toBe(1);
  });

  it('leaves a link that comes up after the session ended (or the link was refused)', () => {
    const session = new ObserverSession<FakeLink>();
    expect(session.end()).toBe(true);
    expect(session.end()).toBe(false);
    const late = new FakeLink();
    expect(session.linkUp(late)).toBe(false);
    expect(late.left).toBe(1);
  });
});
