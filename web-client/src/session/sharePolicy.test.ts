import { describe, expect, it } from 'vitest';
import { sharePolicyOf, shareRefusal } from './sharePolicy';

describe('the share policy', () => {
  it('is read from the config, both when absent or unknown', () => {
    expect(sharePolicyOf({ sharePolicy: 'one-at-a-time' })).toBe('one-at-a-time');
    expect(sharePolicyOf({ sharePolicy: 'customer-only' })).toBe('customer-only');
    expect(sharePolicyOf({})).toBe('both');
    expect(sharePolicyOf({ sharePolicy: 'later-value' })).toBe('both');
  });

  it('one at a time refuses a share while the other side shares or has paused, in each side\'s words', () => {
    expect(shareRefusal('one-at-a-time', 'sharing', 'agent')).toBe('share.oneAtATimeAgent');
    expect(shareRefusal('one-at-a-time', 'paused', 'customer')).toBe('share.oneAtATimeCustomer');
    for (const phase of [null, 'choosing', 'stopped', 'consent']) {
      expect(shareRefusal('one-at-a-time', phase, 'agent')).toBeNull();
    }
    expect(shareRefusal('both', 'sharing', 'agent')).toBeNull();
  });
});
