import { describe, expect, it } from 'vitest';
import { CustomerSession } from './customerSession';
import type { JoinedRoom } from './roomApi';

const room = { roomId: 'r1', token: 't' } as JoinedRoom;

class Part {
  disposed = 0;
  ownSharing: boolean[] = [];
  dispose(): void {
    this.disposed++;
  }
  setOwnSharing(on: boolean): void {
    this.ownSharing.push(on);
  }
}

describe('the customer page\'s session', () => {
  it('ends once, letting go of the share view and the agent\'s screen at once', () => {
    const session = new CustomerSession<string, Part, Part>(room);
    const theirs = new Part();
    const view = new Part();
    expect(session.linkUp('link')).toBe(true);
    session.showTheirs(theirs);
    session.sharing(view);
    expect(session.end()).toBe(true);
    expect(session.end()).toBe(false);
    expect([view.disposed, theirs.disposed]).toEqual([1, 1]);
    expect(session.theirScreen).toBeNull();
    expect(session.ended).toBe(true);
  });

  it('moves the agent\'s screen back and forth as the customer starts and stops sharing', () => {
    const session = new CustomerSession<string, Part, Part>(room);
    const theirs = new Part();
    session.showTheirs(theirs);
    const view = new Part();
    session.sharing(view);
    session.shareStopped();
    session.shareStopped();
    expect(theirs.ownSharing).toEqual([true, false, false]);
    expect(view.disposed).toBe(1);
  });

  it('keeps a link that comes up after the end for what must still be said, but builds nothing on it', () => {
    const session = new CustomerSession<string>(room);
    session.end();
    expect(session.linkUp('late')).toBe(false);
    expect(session.live).toBe('late');
  });
});
