import { describe, expect, it } from 'vitest';
import type { Share } from '../generated/signal';
import { SharePhaseReport } from './sharePhaseReport';

function report() {
  const sent: Share[] = [];
  return { sent, r: new SharePhaseReport((m) => sent.push(m)) };
}

describe('the customer page\'s share phase, as signaling hears it', () => {
  it('says each step once, with active true exactly while the share runs', () => {
    const { sent, r } = report();
    r.consent();
    r.choosing();
    r.running(false);
    r.running(false);
    r.running(true);
    r.running(false);
    r.stopped();
    expect(sent).toEqual([
      { type: 'share', active: false, phase: 'consent' },
      { type: 'share', active: false, phase: 'choosing' },
      { type: 'share', active: true, phase: 'sharing' },
      { type: 'share', active: true, phase: 'paused' },
      { type: 'share', active: true, phase: 'sharing' },
      { type: 'share', active: false, phase: 'stopped' },
    ]);
  });

  it('goes back to where the customer was when the picker closes without a share', () => {
    const { sent, r } = report();
    r.consent();
    r.choosing();
    r.pickerClosed();
    expect(r.current()).toBe('consent');
    r.choosing();
    r.running(false);
    r.stopped();
    r.choosing();
    r.pickerClosed();
    expect(r.current()).toBe('stopped');
    r.pickerClosed();
    expect(sent.map((m) => m.phase)).toEqual(['consent', 'choosing', 'consent', 'choosing', 'sharing', 'stopped',
      'choosing', 'stopped']);
  });

  it('states the phase again on a new socket, and nothing before there is one', () => {
    const { sent, r } = report();
    r.resend();
    expect(sent).toEqual([]);
    r.running(true);
    r.resend();
    expect(sent).toEqual([{ type: 'share', active: true, phase: 'paused' }, { type: 'share', active: true, phase: 'paused' }]);
  });
});
