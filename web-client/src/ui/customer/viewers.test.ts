import { describe, expect, it } from 'vitest';
import { joinedWords, viewerLabel } from './viewers';

describe('who can see the customer\'s screen', () => {
  it('names a viewer with their role, or by the role alone', () => {
    expect(viewerLabel({ name: 'Ada', role: 'agent' })).toBe('Ada (your agent)');
    expect(viewerLabel({ name: '', role: 'agent' })).toBe('Your agent');
    // A role this page does not know yet (a newer service) stays as the service named it.
    expect(viewerLabel({ name: '', role: 'visitor' as 'agent' })).toBe('visitor');
  });

  it('tells the customer that a new observer can see what they share', () => {
    expect(joinedWords({ name: 'Grace', role: 'observer' }))
      .toBe('Grace (observer) joined and can now see what you share.');
    expect(joinedWords({ name: '', role: 'agent' })).toBe('Your agent joined.');
  });
});
