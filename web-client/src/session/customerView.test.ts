import { describe, expect, it } from 'vitest';
import { customerLabel, type CustomerSignal, NO_CUSTOMER, reduceCustomer } from './customerView';

const run = (...signals: CustomerSignal[]) => signals.reduce(reduceCustomer, NO_CUSTOMER);

describe('the customer as the agent sees them', () => {
  it('goes joining → sharing → paused → sharing from presence, frames and the pause flag', () => {
    expect(customerLabel(run())).toBe('Waiting for the customer to join');
    expect(run({ type: 'present', resumed: false }).phase).toBe('joining');
    expect(run({ type: 'present', resumed: false }, { type: 'frames' }).phase).toBe('sharing');
    const paused = run({ type: 'present', resumed: false }, { type: 'frames' }, { type: 'paused', on: true });
    expect(customerLabel(paused)).toBe('The customer paused sharing');
    expect(reduceCustomer(paused, { type: 'paused', on: false }).phase).toBe('sharing');
  });

  it('says stopped when the video stops, reconnecting when ICE drops, back after a reload, gone at peer-left', () => {
    const sharing = run({ type: 'present', resumed: false }, { type: 'frames' });
    expect(reduceCustomer(sharing, { type: 'media-muted' }).phase).toBe('stopped');
    expect(reduceCustomer(sharing, { type: 'ice', state: 'disconnected' }).phase).toBe('reconnecting');
    expect(reduceCustomer(sharing, { type: 'ice', state: 'checking' })).toBe(sharing);
    const back = reduceCustomer(reduceCustomer(sharing, { type: 'media-muted' }), { type: 'present', resumed: true });
    expect(customerLabel(back)).toMatch(/back; waiting for them to share/);
    expect(reduceCustomer(back, { type: 'frames' }).phase).toBe('sharing');
    expect(customerLabel(reduceCustomer(sharing, { type: 'left', reason: 'lost' }))).toMatch(/did not come back/);
    expect(customerLabel(reduceCustomer(sharing, { type: 'left', reason: 'left' }))).toBe('The customer left the session');
  });

  it('says at once that the customer\'s connection dropped (peer-away), before the grace period decides', () => {
    const sharing = run({ type: 'present', resumed: false }, { type: 'frames' });
    const away = reduceCustomer(sharing, { type: 'away' });
    expect(customerLabel(away)).toBe('The customer\'s connection dropped; reconnecting…');
    expect(reduceCustomer(away, { type: 'present', resumed: true }).phase).toBe('back');
    expect(reduceCustomer(away, { type: 'left', reason: 'lost' }).phase).toBe('gone');
    expect(reduceCustomer(NO_CUSTOMER, { type: 'away' })).toBe(NO_CUSTOMER);
  });

  it('a share restarted while the room is paused shows paused, not sharing', () => {
    const s = run({ type: 'present', resumed: false }, { type: 'paused', on: true }, { type: 'frames' });
    expect(s.phase).toBe('paused');
    expect(reduceCustomer(s, { type: 'reset' })).toBe(NO_CUSTOMER);
  });
});
