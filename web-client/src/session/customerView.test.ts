import { describe, expect, it } from 'vitest';
import { customerLabel, type CustomerSignal, NO_CUSTOMER, reduceCustomer, waitsForFrame } from './customerView';

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

  it('reads the customer\'s page: consent, choosing a screen, then sharing only once a frame arrives', () => {
    const consent = run({ type: 'present', resumed: false }, { type: 'share', phase: 'consent' });
    expect(consent.phase).toBe('consent');
    expect(customerLabel(consent)).toBe('The customer is reading what sharing their screen means');
    const choosing = reduceCustomer(consent, { type: 'share', phase: 'choosing' });
    expect(customerLabel(choosing)).toBe('The customer is choosing a screen, window or tab to share');
    const starting = reduceCustomer(choosing, { type: 'share', phase: 'sharing' });
    expect(starting.phase).toBe('starting');
    expect(customerLabel(starting)).toMatch(/sharing; waiting for the picture/);
    expect(reduceCustomer(starting, { type: 'frames' }).phase).toBe('sharing');
    // The first frame may come before the page's word: sharing as soon as both are there, in either order.
    const early = reduceCustomer(choosing, { type: 'frames' });
    expect(early.phase).toBe('choosing');
    expect(reduceCustomer(early, { type: 'share', phase: 'sharing' }).phase).toBe('sharing');
  });

  it('pauses, resumes and stops from the page\'s word at once; the late durable pause changes nothing', () => {
    const sharing = run({ type: 'present', resumed: false }, { type: 'share', phase: 'choosing' },
      { type: 'share', phase: 'sharing' }, { type: 'frames' });
    const paused = reduceCustomer(sharing, { type: 'share', phase: 'paused' });
    expect(customerLabel(paused)).toBe('The customer paused sharing');
    const resumed = reduceCustomer(paused, { type: 'share', phase: 'sharing' });
    expect(resumed.phase).toBe('sharing');
    // The annotation log's pause, arriving after the customer already resumed, must not pause the label again.
    expect(reduceCustomer(resumed, { type: 'paused', on: true }).phase).toBe('sharing');
    const stopped = reduceCustomer(resumed, { type: 'share', phase: 'stopped' });
    expect(customerLabel(stopped)).toBe('The customer stopped sharing');
    // A frame still in flight after the stop is not a share; the next share starts over.
    expect(reduceCustomer(stopped, { type: 'frames' }).phase).toBe('stopped');
    const again = reduceCustomer(reduceCustomer(stopped, { type: 'frames' }), { type: 'share', phase: 'choosing' });
    expect(reduceCustomer(again, { type: 'share', phase: 'sharing' }).phase).toBe('starting');
  });

  it('a picture that stops while the page still shares is not "stopped sharing"', () => {
    const sharing = run({ type: 'present', resumed: false }, { type: 'share', phase: 'sharing' }, { type: 'frames' });
    const muted = reduceCustomer(sharing, { type: 'media-muted' });
    expect(muted.phase).toBe('starting');
    expect(reduceCustomer(muted, { type: 'frames' }).phase).toBe('sharing');
  });

  it('after a reload the customer is back until they choose a screen; after a new network the share goes on', () => {
    const sharing = run({ type: 'present', resumed: false }, { type: 'share', phase: 'sharing' }, { type: 'frames' });
    const away = reduceCustomer(sharing, { type: 'away' });
    const returned = reduceCustomer(away, { type: 'present', resumed: true });
    expect(returned.phase).toBe('sharing');
    const reloaded = reduceCustomer(returned, { type: 'share', phase: 'consent' });
    expect(reloaded.phase).toBe('back');
    expect(reduceCustomer(reloaded, { type: 'share', phase: 'choosing' }).phase).toBe('choosing');
  });

  it('an agent who reloads reads the phase from the welcome, and its own reconnect changes nothing', () => {
    const reloaded = run({ type: 'present', resumed: false }, { type: 'share', phase: 'paused' });
    expect(reloaded.phase).toBe('paused');
    expect(reduceCustomer(reloaded, { type: 'present', resumed: false })).toBe(reloaded);
    const consent = run({ type: 'present', resumed: false }, { type: 'share', phase: 'consent' });
    expect(reduceCustomer(consent, { type: 'present', resumed: false })).toBe(consent);
  });
});

describe('waiting for a frame', () => {
  it('starts at a new share, the picture stopping and a customer back after a reload, nowhere else', () => {
    const waits: CustomerSignal[] = [{ type: 'share', phase: 'sharing' }, { type: 'media-muted' },
      { type: 'present', resumed: true }];
    const not: CustomerSignal[] = [{ type: 'present', resumed: false }, { type: 'away' }, { type: 'frames' },
      { type: 'paused', on: true }, { type: 'ice', state: 'connected' }, { type: 'reset' },
      { type: 'left', reason: 'bye' }];
    expect(waits.map(waitsForFrame)).toEqual([true, true, true]);
    expect(not.some(waitsForFrame)).toBe(false);
  });
});
